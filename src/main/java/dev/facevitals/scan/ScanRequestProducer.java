package dev.facevitals.scan;

import dev.facevitals.api.VertxContexts;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes scan requests on {@code video-requests}, keyed by scan uuid. */
@ApplicationScoped
public class ScanRequestProducer {

    private final MutinyEmitter<ScanRequestEvent> emitter;

    public ScanRequestProducer(@Channel("scan-requests") MutinyEmitter<ScanRequestEvent> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker has the record (acks=all), back on the caller's Vert.x context. */
    public Uni<Void> send(ScanRequestEvent event) {
        Message<ScanRequestEvent> message = Message.of(event).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(event.uuid().toString()).build());
        return VertxContexts.onCallerContext(emitter.sendMessage(message));
    }
}
