package dev.gatehouse.store.jdbc;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for {@code identity_links}, the same on SQLite and PostgreSQL (except the row lock). */
@JdbcRepository(dialect = Dialect.ANSI, dataSource = JdbcContext.DATA_SOURCE)
@Requires(property = JdbcContext.MARKER)
interface IdentityLinkRepository extends GenericRepository<IdentityLinkRow, String> {

    /** Adds the link unless its (provider, subject) is linked already; 0 then. */
    @Query("INSERT INTO identity_links (provider, subject, username, login, email, linked_at, last_used_at)"
            + " VALUES (:provider, :subject, :username, :login, :email, :linkedAt, :lastUsedAt)"
            + " ON CONFLICT (provider, subject) DO NOTHING")
    int insertIfAbsent(String provider, String subject, String username, String login, @Nullable String email,
                       Instant linkedAt, @Nullable Instant lastUsedAt);

    @Query("SELECT * FROM identity_links WHERE provider = :provider AND subject = :subject")
    Optional<IdentityLinkRow> byKey(String provider, String subject);

    /** PostgreSQL only: reads the row and locks it until the transaction ends. */
    @Query("SELECT * FROM identity_links WHERE provider = :provider AND subject = :subject FOR UPDATE")
    Optional<IdentityLinkRow> lockByKey(String provider, String subject);

    @Query("SELECT * FROM identity_links WHERE username = :username ORDER BY linked_at, provider, subject")
    List<IdentityLinkRow> byUsername(String username);

    @Query("SELECT * FROM identity_links ORDER BY provider, subject LIMIT :limit")
    List<IdentityLinkRow> firstPage(int limit);

    @Query("SELECT * FROM identity_links WHERE provider > :provider OR (provider = :provider AND subject > :subject)"
            + " ORDER BY provider, subject LIMIT :limit")
    List<IdentityLinkRow> pageAfter(String provider, String subject, int limit);

    @Query("UPDATE identity_links SET login = :login, email = :email, linked_at = :linkedAt,"
            + " last_used_at = :lastUsedAt WHERE provider = :provider AND subject = :subject")
    int replace(String provider, String subject, String login, @Nullable String email, Instant linkedAt,
                @Nullable Instant lastUsedAt);

    @Query("DELETE FROM identity_links WHERE provider = :provider AND subject = :subject AND username = :username")
    int remove(String provider, String subject, String username);

    @Query("DELETE FROM identity_links WHERE username = :username")
    int removeAllFor(String username);
}
