package dev.stride.groupprogress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Groups, cached group progress (query mode), the instructor batch dashboard and gradebook, the cache TTL knob. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GroupProgressApplication {

    public static void main(String[] args) {
        SpringApplication.run(GroupProgressApplication.class, args);
    }
}
