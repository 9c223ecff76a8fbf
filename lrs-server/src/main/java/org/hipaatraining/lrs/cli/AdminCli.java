package org.hipaatraining.lrs.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.hipaatraining.lrs.auth.AdminRole;
import org.hipaatraining.lrs.auth.AdminUserService;
import org.hipaatraining.lrs.auth.ClientService;
import org.hipaatraining.lrs.auth.Scope;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Administration from the command line, against the configured store, without starting the web server:
 * {@code java -jar lrs-server.jar clients create --name Moodle --scopes statements/write,statements/read/mine}.
 */
@Command(name = "lrs-server.jar", mixinStandardHelpOptions = true,
        description = "Manage xAPI client credentials and admin users of the HIPAA training LRS.",
        subcommands = {AdminCli.Clients.class, AdminCli.Admins.class})
public final class AdminCli {

    /** The first words that select the command line instead of the server. */
    public static final Set<String> COMMANDS = Set.of("clients", "admins");

    private AdminCli() {
    }

    /** Runs a command with beans from {@code context}; returns the process exit code. */
    public static int run(ConfigurableApplicationContext context, String[] args) {
        CommandLine cli = new CommandLine(new AdminCli(), new ContextFactory(context));
        return cli.execute(commandArgs(args));
    }

    /** The command's own arguments: Spring options ({@code --x=y}) before or after it are for the application context. */
    static String[] commandArgs(String[] args) {
        return Arrays.stream(args).filter(a -> !(a.startsWith("--") && a.contains("=") && a.indexOf('.') > 0
                && a.indexOf('.') < a.indexOf('='))).toArray(String[]::new);
    }

    @Command(name = "clients", mixinStandardHelpOptions = true, description = "xAPI client credentials (an LMS, a content package, a report tool).",
            subcommands = {Clients.Create.class, Clients.ListClients.class, Clients.Revoke.class})
    static final class Clients {

        @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a credential; its secret is printed once.")
        static final class Create implements Callable<Integer> {
            @Option(names = "--name", required = true, description = "A label an admin recognises, e.g. Moodle.")
            String name;
            @Option(names = "--scopes", split = ",", defaultValue = "statements/write,statements/read/mine,state",
                    description = "Comma-separated xAPI scopes (default: ${DEFAULT-VALUE}).")
            List<String> scopes;
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;
            private final ClientService clients;

            Create(ClientService clients) {
                this.clients = clients;
            }

            @Override
            public Integer call() {
                Set<Scope> parsed = scopes.stream().map(s -> Scope.fromValue(s).orElseThrow(() ->
                        new CommandLine.ParameterException(spec.commandLine(), "unknown scope '" + s + "'"))).collect(
                        java.util.stream.Collectors.toSet());
                ClientService.IssuedCredential issued = clients.create(name, parsed);
                PrintWriter out = spec.commandLine().getOut();
                out.println("key:    " + issued.key());
                out.println("secret: " + issued.secret() + "   (shown once; store it in the LMS or content now)");
                out.println("scopes: " + String.join(",", issued.client().scopes()));
                return 0;
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "List credentials (never their secrets).")
        static final class ListClients implements Callable<Integer> {
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;
            private final ClientService clients;

            ListClients(ClientService clients) {
                this.clients = clients;
            }

            @Override
            public Integer call() {
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%-20s %-28s %-10s %s%n", "KEY", "NAME", "STATUS", "SCOPES");
                for (ClientService.ClientView c : clients.list()) {
                    out.printf("%-20s %-28s %-10s %s%n", c.key(), c.name(), c.revokedAt() == null ? "active" : "revoked",
                            String.join(",", c.scopes()));
                }
                return 0;
            }
        }

        @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a credential; statements it wrote keep it as their authority.")
        static final class Revoke implements Callable<Integer> {
            @Parameters(paramLabel = "KEY")
            String key;
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;
            private final ClientService clients;

            Revoke(ClientService clients) {
                this.clients = clients;
            }

            @Override
            public Integer call() {
                if (!clients.revoke(key)) {
                    spec.commandLine().getErr().println("no active client with key " + key);
                    return 1;
                }
                spec.commandLine().getOut().println("revoked " + key);
                return 0;
            }
        }
    }

    @Command(name = "admins", mixinStandardHelpOptions = true, description = "People who sign in to the admin pages and admin API.",
            subcommands = {Admins.Save.class})
    static final class Admins {

        @Command(name = "set", mixinStandardHelpOptions = true, description = "Create an admin or auditor, or set a new password.")
        static final class Save implements Callable<Integer> {
            @Option(names = "--username", required = true)
            String username;
            @Option(names = "--password", required = true, interactive = true, arity = "0..1",
                    description = "At least 10 characters; prompted for when given without a value.")
            String password;
            @Option(names = "--role", defaultValue = "ADMIN", description = "ADMIN or AUDITOR (read-only).")
            AdminRole role;
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;
            private final AdminUserService admins;

            Save(AdminUserService admins) {
                this.admins = admins;
            }

            @Override
            public Integer call() {
                admins.save(username, password, role);
                spec.commandLine().getOut().println("saved " + role.name().toLowerCase() + " " + username);
                return 0;
            }
        }
    }

    /** Lets picocli build commands with Spring beans as constructor arguments. */
    private record ContextFactory(ConfigurableApplicationContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            var constructors = type.getDeclaredConstructors();
            if (constructors.length == 1 && constructors[0].getParameterCount() > 0) {
                var constructor = constructors[0];
                constructor.setAccessible(true);
                Object[] args = Arrays.stream(constructor.getParameterTypes()).map(context::getBean).toArray();
                return type.cast(constructor.newInstance(args));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
