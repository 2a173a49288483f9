package org.chibo.chassis.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.chibo.contracts.TopicSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.ExponentialBackOff;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * One policy for every listener. Failures are permanent unless known to be transient:
 * <ul>
 * <li>transient (the store or the broker is unreachable): retried in place with exponential back-off and no
 * limit, so the partition waits and order per key holds;</li>
 * <li>anything else (poison record, rejected event, a bug): published to {@code <topic>.dlt}, same partition,
 * with the reason in the {@code chibo_dlt_reason} header, a WARN log line and the {@code chibo.kafka.dead.letters}
 * counter; then the partition moves on. A fixed record can be re-driven from the DLT.</li>
 * </ul>
 */
public final class DeadLetterErrorHandler {

    public static final String REASON_HEADER = "chibo_dlt_reason";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterErrorHandler.class);

    private DeadLetterErrorHandler() {
    }

    public static DefaultErrorHandler create(KafkaOperations<?, ?> template, MeterRegistry meters,
                                             Duration initialBackOff, Duration maxBackOff) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new TopicPartition(record.topic() + TopicSpec.DLT_SUFFIX, record.partition()));
        recoverer.addHeadersFunction((record, ex) -> {
            String reason = reasonOf(ex);
            log.warn("dead-lettering {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(),
                    record.key(), reason);
            meters.counter("chibo.kafka.dead.letters", "topic", record.topic(), "reason", rootOf(ex).getClass().getSimpleName())
                    .increment();
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
            return headers;
        });

        ExponentialBackOff backOff = new ExponentialBackOff(initialBackOff.toMillis(), 2.0);
        backOff.setMaxInterval(maxBackOff.toMillis());
        // no max elapsed time: a transient outage is waited out, never turned into a dead letter

        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.defaultFalse();
        handler.addRetryableExceptions(TransientDataAccessException.class, DataAccessResourceFailureException.class,
                MongoSocketException.class, MongoTimeoutException.class, RetriableException.class);
        return handler;
    }

    static String reasonOf(Exception ex) {
        Throwable root = rootOf(ex);
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }

    private static Throwable rootOf(Throwable ex) {
        Throwable t = ex;
        // the listener's wrapper, and a batch listener's pointer to the failed record, are not the reason
        while ((t instanceof ListenerExecutionFailedException || t instanceof BatchListenerFailedException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

}
