package dev.facevitals.scan;

import dev.facevitals.api.VertxContexts;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes every final result on {@code scan-results}, keyed by scan uuid. */
@ApplicationScoped
public class ScanResultProducer {

    private final MutinyEmitter<ScanResult> emitter;

    public ScanResultProducer(@Channel("scan-results") MutinyEmitter<ScanResult> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> send(ScanResult result) {
        Message<ScanResult> message = Message.of(result).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(result.uuid().toString()).build());
        return VertxContexts.onCallerContext(emitter.sendMessage(message));
    }
}
