package org.hipaatraining.lrs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hipaatraining.lrs.auth.AdminRole;
import org.hipaatraining.lrs.auth.AdminUserService;
import org.hipaatraining.lrs.auth.ClientService;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.Statements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/** The admin command line, run in-process against the test database with the application's beans. */
class AdminCliTest extends LrsIntegrationTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    ClientService clients;

    @Autowired
    AdminUserService admins;

    private record Run(int exit, String out, String err) {
    }

    private synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int exit = AdminCli.run(context, args);
            return new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static String field(String output, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ":\\s+(\\S+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1);
    }

    private static String lineFor(String output, String key) {
        return output.lines().filter(l -> l.startsWith(key + " ")).findFirst().orElseThrow(() ->
                new AssertionError("no line for " + key + " in\n" + output));
    }

    @Test
    void createListAndRevokeAClient() {
        String name = "Moodle " + UUID.randomUUID().toString().substring(0, 8);

        Run created = run("clients", "create", "--name", name, "--scopes", "statements/write,statements/read/mine");
        String key = field(created.out(), "key");
        String secret = field(created.out(), "secret");
        XapiHttp moodle = xapi.credentials(key, secret);

        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(field(created.out(), "scopes")).contains("statements/write").contains("statements/read/mine");
        assertThat(moodle.postJson("/xapi/statements", Statements.completed(XapiHttp.uniqueMbox(),
                Statements.activityId())).statusCode()).isEqualTo(200);
        assertThat(moodle.get("/xapi/activities/state", params("activityId", Statements.activityId(), "agent",
                Statements.agent(XapiHttp.uniqueMbox()))).statusCode()).isEqualTo(403);

        Run listed = run("clients", "list");
        assertThat(listed.exit()).isZero();
        assertThat(lineFor(listed.out(), key)).contains("active").contains("statements/write");
        assertThat(listed.out()).doesNotContain(secret);

        Run revoked = run("clients", "revoke", key);
        assertThat(revoked.exit()).isZero();
        assertThat(revoked.out()).contains("revoked " + key);
        assertThat(lineFor(run("clients", "list").out(), key)).contains("revoked");
        assertThat(clients.list().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow().revokedAt()).isNotNull();
        assertThat(moodle.get("/xapi/statements", params("limit", "1")).statusCode()).isEqualTo(401);
    }

    @Test
    void defaultScopesSuitAnLms() {
        Run created = run("clients", "create", "--name", "Content package");

        assertThat(created.exit()).isZero();
        assertThat(field(created.out(), "scopes").split(","))
                .containsExactlyInAnyOrder("statements/write", "statements/read/mine", "state");
    }

    @Test
    void mistakesExitNonZeroAndChangeNothing() {
        int before = clients.list().size();

        Run unknownScope = run("clients", "create", "--name", "Bad", "--scopes", "statements/everything");
        Run unknownKey = run("clients", "revoke", "no-such-key-" + UUID.randomUUID());
        Run missingName = run("clients", "create");
        Run unknownCommand = run("clients", "rename", "x");

        assertThat(unknownScope.exit()).isNotZero();
        assertThat(unknownScope.err()).contains("unknown scope 'statements/everything'");
        assertThat(unknownKey.exit()).isEqualTo(1);
        assertThat(unknownKey.err()).contains("no active client with key");
        assertThat(missingName.exit()).isNotZero();
        assertThat(missingName.err()).contains("--name");
        assertThat(unknownCommand.exit()).isNotZero();
        assertThat(clients.list()).hasSize(before);
    }

    @Test
    void adminsSetCreatesAUserAndChangesItsPasswordAndRole() throws Exception {
        String username = "jo-" + UUID.randomUUID().toString().substring(0, 8);

        Run auditor = run("admins", "set", "--username", username, "--role", "AUDITOR", "--password", "first-password-1");
        assertThat(auditor.exit()).as(auditor.err()).isZero();
        assertThat(auditor.out()).contains("saved auditor " + username);
        assertThat(admins.passwordMatches(username, "first-password-1")).isTrue();
        assertThat(adminApi(username, "first-password-1")).isEqualTo(403);

        Run promoted = run("admins", "set", "--username", username, "--password", "second-password-2");
        assertThat(promoted.exit()).isZero();
        assertThat(admins.list()).filteredOn(u -> u.username().equals(username)).singleElement()
                .satisfies(u -> assertThat(u.role()).isEqualTo(AdminRole.ADMIN));
        assertThat(admins.passwordMatches(username, "first-password-1")).isFalse();
        assertThat(adminApi(username, "second-password-2")).isEqualTo(200);
    }

    @Test
    void springOptionsAroundTheCommandAreNotCommandArguments() {
        assertThat(AdminCli.commandArgs(new String[] {"--spring.mongodb.uri=mongodb://db/lrs", "clients", "list",
                "--lrs.data-dir=/var/lrs"})).containsExactly("clients", "list");
        assertThat(AdminCli.commandArgs(new String[] {"clients", "create", "--name=Moodle", "--scopes=state"}))
                .containsExactly("clients", "create", "--name=Moodle", "--scopes=state");
    }

    private int adminApi(String user, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/clients"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8))).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
