package dev.stride.groupprogress;

import dev.stride.api.StrideApiSupport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Groups, cached group progress (query mode), the instructor batch dashboard and gradebook, the cache TTL knob. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(StrideApiSupport.class)
public class GroupProgressApplication {

    public static void main(String[] args) {
        SpringApplication.run(GroupProgressApplication.class, args);
    }
}
