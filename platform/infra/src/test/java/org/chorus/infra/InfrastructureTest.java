package org.chorus.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every part really starts and answers over a real connection. */
class InfrastructureTest {

    static Infrastructure infra;

    @BeforeAll
    static void start() {
        infra = Infrastructure.start(InfraOptions.ephemeral(), Map.of());
    }

    @AfterAll
    static void stop() {
        infra.close();
    }

    @Test
    void aServiceRoleOwnsItsSchemaAndCannotTouchAnotherOne() throws SQLException {
        ServiceDatabase users = infra.serviceDatabase("users", "users-secret");
        infra.serviceDatabase("login", "login-secret");
        assertEquals(users, infra.serviceDatabase("users", "users-secret"), "creating it again is harmless");
        try (Connection c = DriverManager.getConnection(users.jdbcUrl(), users.username(), users.password());
                Statement s = c.createStatement()) {
            s.execute("create table users.probe (id int)");
            s.execute("insert into users.probe values (1)");
            ResultSet rs = s.executeQuery("select count(*) from users.probe");
            rs.next();
            assertEquals(1, rs.getInt(1));
            assertThrows(SQLException.class, () -> s.execute("create table login.probe (id int)"));
        }
    }

    @Test
    void pgTrgmIsAvailable() throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        infra.postgresUrl(), infra.postgresUser(), infra.postgresPassword());
                Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("select similarity('chorus', 'chorsu') > 0");
            rs.next();
            assertTrue(rs.getBoolean(1));
        }
    }

    @Test
    void redisAnswersPing() throws Exception {
        URI uri = URI.create(infra.redisUrl());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream())).readLine();
            assertEquals("+PONG", reply);
        }
    }

    @Test
    void kafkaKeepsRecordsAcrossARestartOnTheSamePort() throws Exception {
        String topic = "probe-" + UUID.randomUUID();
        produce(topic, "before");
        infra.stopKafka();
        assertTrue(Ports.isFree(Integer.parseInt(infra.kafkaBootstrap().split(":")[1])), "the broker is really gone");
        infra.startKafka();
        produce(topic, "after");
        assertEquals(List.of("before", "after"), consume(topic, 2));
    }

    @Test
    void theMailCatcherReceivesRealSmtpAndShowsIt() throws Exception {
        String to = "ada-" + UUID.randomUUID() + "@example.org";
        try (Socket socket = new Socket("127.0.0.1", infra.smtpPort())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream()));
            OutputStream out = socket.getOutputStream();
            in.readLine();
            for (String line : List.of("HELO test", "MAIL FROM:<a@example.org>", "RCPT TO:<" + to + ">", "DATA")) {
                out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                in.readLine();
            }
            out.write("Subject: hello\r\n\r\nhi there\r\n.\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(in.readLine().startsWith("250"));
        }
        HttpResponse<String> inbox = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(infra.mailApiUrl() + "/api/user/" + to + "/messages/INBOX"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, inbox.statusCode());
        assertTrue(inbox.body().contains("hello"), inbox.body());
    }

    @Test
    void aFixedPortInUseIsNamedInTheErrorAndNothingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            InfraOptions options =
                    InfraOptions.ephemeral().withPorts(new InfraPorts(0, taken.getLocalPort(), 0, 0, 0, 0));
            PortInUseException e =
                    assertThrows(PortInUseException.class, () -> Infrastructure.start(options, Map.of()));
            assertEquals("port " + taken.getLocalPort() + " (Redis) is already in use", e.getMessage());
        }
    }

    @Test
    void partsGivenInTheEnvironmentAreUsedAsTheyAre() {
        Map<String, String> env = Map.of(
                "CHORUS_PG_URL",
                "jdbc:postgresql://db.example:5432/chorus",
                "CHORUS_PG_USER",
                "chorus",
                "CHORUS_PG_PASSWORD",
                "pw",
                "CHORUS_REDIS_URL",
                "redis://cache.example:6379",
                "CHORUS_KAFKA_BOOTSTRAP",
                "kafka.example:9092",
                "CHORUS_SMTP_HOST",
                "mail.example",
                "CHORUS_SMTP_PORT",
                "2525");
        try (Infrastructure given = Infrastructure.start(InfraOptions.ephemeral(), env)) {
            assertEquals(
                    new ServiceDatabase("jdbc:postgresql://db.example:5432/chorus", "chorus", "pw"),
                    given.serviceDatabase("users", "ignored"));
            assertEquals("redis://cache.example:6379", given.redisUrl());
            assertEquals("kafka.example:9092", given.kafkaBootstrap());
            assertEquals("mail.example", given.smtpHost());
            assertEquals(2525, given.smtpPort());
            assertThrows(IllegalStateException.class, given::stopKafka);
        }
    }

    @Test
    void aDataDirectoryKeepsTheDataUntilAFreshStart(@TempDir Path dir) throws SQLException {
        InfraOptions kept = new InfraOptions(dir, false, InfraPorts.RANDOM, Set.of(Part.POSTGRES));
        try (Infrastructure first = Infrastructure.start(kept, Map.of())) {
            execute(first, "create table kept (id int)");
        }
        try (Infrastructure again = Infrastructure.start(kept, Map.of())) {
            execute(again, "select * from kept");
        }
        InfraOptions fresh = new InfraOptions(dir, true, InfraPorts.RANDOM, Set.of(Part.POSTGRES));
        try (Infrastructure wiped = Infrastructure.start(fresh, Map.of())) {
            assertThrows(SQLException.class, () -> execute(wiped, "select * from kept"));
        }
    }

    private static void execute(Infrastructure infra, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        infra.postgresUrl(), infra.postgresUser(), infra.postgresPassword());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void produce(String topic, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        }
    }

    private static List<String> consume(String topic, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                records.forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }
}
