package dev.facevitals.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.jboss.logging.Logger;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running inside this JVM, with its
 * log under one folder so topics and offsets survive a restart.
 */
final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedKafka.class);

    private final KafkaRaftServer server;
    private final String bootstrap;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrap) {
        this.server = server;
        this.bootstrap = bootstrap;
    }

    static EmbeddedKafka start(Path dir, int port, int controllerPort, int partitions) throws IOException {
        Path logs = dir.resolve("data");
        Files.createDirectories(logs);
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logs.toString());
        p.put("num.partitions", String.valueOf(partitions));
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // a restarted worker should get its partitions back quickly
        p.put("group.consumer.session.timeout.ms", "10000");
        p.put("group.consumer.min.session.timeout.ms", "2000");
        p.put("group.min.session.timeout.ms", "2000");
        p.put("log.retention.hours", "168");

        if (!Files.exists(logs.resolve("meta.properties"))) {
            Path config = dir.resolve("server.properties");
            try (var out = Files.newOutputStream(config)) {
                p.store(out, "FaceVitals embedded Kafka");
            }
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            int rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                    config.toString()}, new PrintStream(buffer, true, StandardCharsets.UTF_8));
            if (rc != 0) {
                throw new IOException("Kafka storage format failed: " + buffer.toString(StandardCharsets.UTF_8));
            }
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(p), Time.SYSTEM);
        server.startup();
        String bootstrap = "127.0.0.1:" + port;
        LOG.infof("Embedded Kafka broker up on %s (log in %s)", bootstrap, logs);
        return new EmbeddedKafka(server, bootstrap);
    }

    String bootstrapServers() {
        return bootstrap;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
