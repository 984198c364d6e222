package dev.darkmaximus.platform;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Background jobs get a pool of their own threads. With virtual threads on, Spring's default scheduler runs every
 * fixed-delay job on one shared thread, so one long run (a broadcast of thousands) held back key provisioning,
 * payment messages, reminders and expiry on its node. On shutdown the pool stops taking runs and gives the ones in
 * flight a few seconds, before the database goes.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

    @Bean(destroyMethod = "shutdown")
    TaskScheduler taskScheduler(@Value("${dm.jobs.threads:8}") int threads) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(threads);
        scheduler.setThreadNamePrefix("job-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(5);
        scheduler.setErrorHandler(error -> LoggerFactory.getLogger(SchedulingConfiguration.class)
                .atError().setCause(error).log("background job failed"));
        return scheduler;
    }
}
