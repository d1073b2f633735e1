package io.cloudward.accounts;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * Deletes what tenants asked to be deleted later: removed accounts whose retention ended (their findings and
 * history go with them, by foreign key) and connection ExternalIds that were never used. Runs on every
 * instance; the deletes are idempotent, so instances running it at once do no harm.
 */
@ApplicationScoped
public class AccountPurge {

    private static final Logger LOG = Logger.getLogger(AccountPurge.class);

    private final AgroalDataSource platform;

    public AccountPurge(@DataSource("platform") AgroalDataSource platform) {
        this.platform = platform;
    }

    @Scheduled(every = "${cloudward.accounts.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void purge() throws SQLException {
        try (Connection c = platform.getConnection(); Statement s = c.createStatement()) {
            int accounts = s.executeUpdate("delete from aws_account where purge_after is not null and purge_after < now()");
            int intents = s.executeUpdate("delete from connection_intent where expires_at < now()");
            if (accounts + intents > 0) {
                LOG.infof("purged %d removed accounts past their retention and %d expired connections", accounts, intents);
            }
        }
    }
}
