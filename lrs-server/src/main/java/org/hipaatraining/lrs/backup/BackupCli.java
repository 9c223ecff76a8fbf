package org.hipaatraining.lrs.backup;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.hipaatraining.lrs.store.sqlite.SqliteBackend;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar lrs-server.jar backup --out DIR}, {@code verify-backup DIR} and {@code restore --from DIR}: run
 * without starting the LRS, against the store the LRS is configured with ({@code --spring.mongodb.uri=...}, else the
 * embedded store under {@code --lrs.data-dir=...}, as for the server). A backup of the embedded store may be taken
 * while the LRS runs; a restore into it needs the LRS stopped.
 */
@Command(name = "lrs-server.jar", mixinStandardHelpOptions = true, description = "Back up, check and restore the LRS's data.",
        subcommands = {BackupCli.Backup.class, BackupCli.Verify.class, BackupCli.Restore.class})
public final class BackupCli {

    /** The first words that select these commands. */
    public static final Set<String> COMMANDS = Set.of("backup", "verify-backup", "restore");
    private static final String DATABASE = "lrs";

    private BackupCli() {
    }

    public static int run(String[] args) {
        Map<String, String> settings = settings(args);
        String[] own = Arrays.stream(args).filter(a -> !isSetting(a)).toArray(String[]::new);
        CommandLine cli = new CommandLine(new BackupCli());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println(e instanceof BackupException ? e.getMessage() : e.toString());
            return 1;
        });
        cli.getSubcommands().values().forEach(sub -> ((StoreOptions) sub.getCommand()).settings = settings);
        return cli.execute(own);
    }

    private static boolean isSetting(String arg) {
        return arg.startsWith("--") && arg.contains("=") && arg.indexOf('.') > 0 && arg.indexOf('.') < arg.indexOf('=');
    }

    /** Spring-style settings from the command line, then the environment, as the server reads them. */
    private static Map<String, String> settings(String[] args) {
        Map<String, String> settings = new java.util.HashMap<>();
        String env = System.getenv("SPRING_MONGODB_URI");
        if (env != null) {
            settings.put("spring.mongodb.uri", env);
        }
        if (System.getenv("LRS_DATADIR") != null) {
            settings.put("lrs.data-dir", System.getenv("LRS_DATADIR"));
        }
        for (String arg : args) {
            if (isSetting(arg)) {
                settings.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return settings;
    }

    /** Which store a command works on. */
    abstract static class StoreOptions {
        Map<String, String> settings = Map.of();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        String mongoUri() {
            String uri = settings.get("spring.mongodb.uri");
            return uri == null || uri.isBlank() ? null : uri;
        }

        Path embeddedFile() {
            return Path.of(settings.getOrDefault("lrs.data-dir", "./data")).resolve("lrs.sqlite");
        }

        String database() {
            String uri = mongoUri();
            String named = uri == null ? null : new ConnectionString(uri).getDatabase();
            return named == null ? DATABASE : named;
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true, description = "Write a backup (mongodump format, with a manifest of SHA-256 sums) to a new folder.")
    static final class Backup extends StoreOptions implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "A folder that does not exist yet.")
        Path out;

        @Override
        public Integer call() {
            try (BackupSource source = mongoUri() != null
                    ? new MongoBackupSource(MongoClients.create(mongoUri()), database(), true)
                    : new SqliteBackupSource(embeddedFile(), DATABASE)) {
                Manifest manifest = BackupWriter.write(source, database(), out, Clock.systemUTC());
                BackupCheck.Result check = BackupCheck.verify(out);
                out().printf("Backed up %d collections, %d documents, from %s to %s%n", manifest.collections().size(),
                        check.documents(), manifest.source(), out.toAbsolutePath());
                check.problems().forEach(p -> out().println("PROBLEM " + p));
                return check.ok() ? 0 : 2;
            }
        }
    }

    @Command(name = "verify-backup", mixinStandardHelpOptions = true, description = "Check a backup against its manifest.")
    static final class Verify extends StoreOptions implements Callable<Integer> {
        @Parameters(paramLabel = "DIR")
        Path dir;

        @Override
        public Integer call() {
            BackupCheck.Result check = BackupCheck.verify(dir);
            check.problems().forEach(p -> out().println("PROBLEM " + p));
            out().printf("%s: %d collections, %d documents, taken %s from %s%s%n", check.ok() ? "OK" : "DAMAGED",
                    check.manifest().collections().size(), check.documents(), check.manifest().created(),
                    check.manifest().source(), check.manifest().pointInTime() ? " (one point in time)" : "");
            return check.ok() ? 0 : 2;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Load a backup into the configured store (stop the LRS first when it uses the embedded store).")
    static final class Restore extends StoreOptions implements Callable<Integer> {
        @Option(names = "--from", required = true)
        Path from;
        @Option(names = "--replace", description = "Drop collections that already hold documents before loading them.")
        boolean replace;

        @Override
        public Integer call() {
            Map<String, Long> restored;
            if (mongoUri() != null) {
                try (MongoClient client = MongoClients.create(mongoUri())) {
                    restored = BackupRestore.restore(from, client.getDatabase(database()), replace);
                }
            } else {
                SqliteBackend backend = SqliteBackend.open(embeddedFile(), true);
                MongoServer server = new MongoServer(backend);
                try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
                    restored = BackupRestore.restore(from, client.getDatabase(DATABASE), replace);
                } finally {
                    server.shutdownNow();
                }
            }
            out().printf("Restored %d collections, %d documents%n", restored.size(),
                    restored.values().stream().mapToLong(Long::longValue).sum());
            return 0;
        }
    }
}
