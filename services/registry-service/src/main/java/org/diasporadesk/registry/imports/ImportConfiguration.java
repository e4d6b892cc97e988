package org.diasporadesk.registry.imports;

import java.util.concurrent.Executor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    /**
     * One import at a time per instance: imports are I/O-bound on the database, and running several at once
     * on two cores only makes each slower. Others wait in the queue; shutdown lets the running one finish.
     */
    @Bean(name = "importExecutor", destroyMethod = "shutdown")
    Executor importExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(100);
        executor.setThreadNamePrefix("bulk-import-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        executor.initialize();
        return executor;
    }
}
