package dev.stride.groupprogress.cache;

import dev.stride.groupprogress.config.StrideProperties;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The Redisson client; lazy so the service starts (and answers from Cassandra) while Redis is down. */
@Configuration(proxyBeanMethods = false)
public class RedisConfig {

    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(StrideProperties props) {
        int timeoutMs = (int) props.redis().timeout().toMillis();
        Config config = new Config().setLazyInitialization(true).setNettyThreads(4);
        config.useSingleServer().setAddress(props.redis().address())
                .setTimeout(timeoutMs).setConnectTimeout(timeoutMs).setRetryAttempts(0)
                .setConnectionMinimumIdleSize(2).setSubscriptionConnectionMinimumIdleSize(0);
        return Redisson.create(config);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
