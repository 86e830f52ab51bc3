package dev.stride.contentstate;

import dev.stride.api.StrideApiSupport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Sunbird-compatible content state, enrolment, batches and course trees on Cassandra, one Kafka event per update. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(StrideApiSupport.class)
public class ContentStateApplication {

    public static void main(String[] args) {
        SpringApplication.run(ContentStateApplication.class, args);
    }
}
