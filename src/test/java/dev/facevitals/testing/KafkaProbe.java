package dev.facevitals.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the start, as an independent consumer group, to see what was really published. */
public final class KafkaProbe {

    private KafkaProbe() {
    }

    /** Values of every record with this key, reading until {@code quiet} passes without a new record. */
    public static List<String> valuesForKey(String topic, String key, Duration quiet) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackResource.config().get("kafka.bootstrap.servers"));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long lastNew = System.nanoTime();
            boolean assigned = false;
            while (System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(200));
                assigned |= !consumer.assignment().isEmpty();
                for (ConsumerRecord<String, String> r : records) {
                    lastNew = System.nanoTime();
                    if (key.equals(r.key())) {
                        values.add(r.value());
                    }
                }
                if (assigned && System.nanoTime() - lastNew > quiet.toNanos()) {
                    break;
                }
            }
        }
        return values;
    }
}
