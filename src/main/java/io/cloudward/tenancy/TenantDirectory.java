package io.cloudward.tenancy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The lookups that happen before a tenant is known — which tenants a person belongs to, which tenant
 * an API token belongs to — and the operator's tenant list. They run on the platform connection (the
 * owner role), because row-level security would, correctly, hide every row from the application role.
 * Nothing here returns tenant content.
 */
@ApplicationScoped
public class TenantDirectory {

    public record Membership(UUID tenantId, String slug, String tenantName, Role role) {
    }

    public record TokenGrant(UUID tokenId, UUID tenantId, String name, Role role, Instant expiresAt,
                             Instant revokedAt, Instant lastUsedAt) {
        public boolean usableAt(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    public record InvitationRef(UUID invitationId, UUID tenantId, Role role) {
    }

    public record TenantSummary(UUID id, String slug, String name, Instant createdAt, long members, long accounts) {
    }

    private final AgroalDataSource platform;

    public TenantDirectory(@DataSource("platform") AgroalDataSource platform) {
        this.platform = platform;
    }

    public List<Membership> membershipsOf(String subject) {
        return query("""
                select t.id, t.slug, t.name, m.role from member m join tenant t on t.id = m.tenant_id
                where m.subject = ? order by t.name""", ps -> ps.setString(1, subject), rs -> new Membership(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4))));
    }

    public Optional<Role> roleOf(String subject, UUID tenantId) {
        return query("select role from member where subject = ? and tenant_id = ?", ps -> {
            ps.setString(1, subject);
            ps.setObject(2, tenantId);
        }, rs -> Role.valueOf(rs.getString(1))).stream().findFirst();
    }

    /** True when some tenant has made this person OWNER or ADMIN (their sign-in must use a second factor). */
    public boolean holdsPrivilegedRole(String subject) {
        return !query("select 1 from member where subject = ? and role in ('OWNER', 'ADMIN') limit 1",
                ps -> ps.setString(1, subject), rs -> 1).isEmpty();
    }

    public Optional<TokenGrant> tokenByHash(String hash) {
        return query("""
                select id, tenant_id, name, role, expires_at, revoked_at, last_used_at
                from api_token where token_hash = ?""", ps -> ps.setString(1, hash), rs -> new TokenGrant(
                rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                Role.valueOf(rs.getString(4)), instant(rs, 5), instant(rs, 6), instant(rs, 7)))
                .stream().findFirst();
    }

    public Optional<InvitationRef> invitationByHash(String hash) {
        return query("select id, tenant_id, role from invitation where token_hash = ?", ps -> ps.setString(1, hash),
                rs -> new InvitationRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Role.valueOf(rs.getString(3))))
                .stream().findFirst();
    }

    /** Records use at most once a minute per token, so that busy automation does not write on every call. */
    public void touchToken(UUID tokenId) {
        update("update api_token set last_used_at = now() where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')",
                ps -> ps.setObject(1, tokenId));
    }

    public boolean supportGrantActive(UUID tenantId) {
        return !query("select 1 from support_grant where tenant_id = ? and revoked_at is null and expires_at > now() limit 1",
                ps -> ps.setObject(1, tenantId), rs -> 1).isEmpty();
    }

    public List<TenantSummary> allTenants() {
        return query("""
                select t.id, t.slug, t.name, t.created_at,
                       (select count(*) from member m where m.tenant_id = t.id),
                       (select count(*) from aws_account a where a.tenant_id = t.id)
                from tenant t order by t.name""", ps -> {
        }, rs -> new TenantSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), instant(rs, 4),
                rs.getLong(5), rs.getLong(6)));
    }

    public boolean slugTaken(String slug) {
        return !query("select 1 from tenant where slug = ?", ps -> ps.setString(1, slug), rs -> 1).isEmpty();
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection c = platform.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("tenant directory query failed", e);
        }
    }

    private void update(String sql, Binder binder) {
        try (Connection c = platform.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("tenant directory update failed", e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
