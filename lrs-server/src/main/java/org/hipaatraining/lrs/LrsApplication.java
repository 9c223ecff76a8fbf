package org.hipaatraining.lrs;

import java.util.Arrays;

import org.hipaatraining.lrs.backup.BackupCli;
import org.hipaatraining.lrs.cli.AdminCli;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The HIPAA training LRS: an xAPI Learning Record Store on MongoDB with compliance records on top.
 * Started with {@code clients ...} or {@code admins ...} it runs that admin command against the store and exits;
 * {@code backup}, {@code verify-backup} and {@code restore} run without the application context ({@link BackupCli}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LrsApplication {

    public static void main(String[] args) {
        if (args.length > 0 && BackupCli.COMMANDS.contains(args[0])) {
            System.exit(BackupCli.run(args));
        }
        if (Arrays.stream(args).anyMatch(AdminCli.COMMANDS::contains)) {
            var context = new SpringApplicationBuilder(LrsApplication.class).web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                    .properties("logging.level.root=warn", "logging.level.org.hipaatraining=warn",
                            "logging.level.de.bwaldvogel=error")
                    .run(args);
            int exit = AdminCli.run(context, args);
            System.exit(SpringApplication.exit(context, () -> exit));
        }
        SpringApplication.run(LrsApplication.class, args);
    }
}
