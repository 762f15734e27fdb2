package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.registration.Invite;
import dev.gatehouse.core.model.registration.InviteId;
import dev.gatehouse.core.port.out.InviteStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Invites in two tables. A use is one conditional {@code UPDATE} of the invite's use count (which
 * the database runs one at a time per row) plus the row saying who, in one transaction.
 */
final class JdbcInviteStore implements InviteStore {

    private final InviteRepository invites;
    private final InviteUseRepository uses;
    private final Transactions transactions;

    JdbcInviteStore(InviteRepository invites, InviteUseRepository uses, Transactions transactions) {
        this.invites = invites;
        this.uses = uses;
        this.transactions = transactions;
    }

    @Override
    public boolean insert(Invite invite) {
        Objects.requireNonNull(invite, "invite");
        return transactions.write(() -> {
            if (invites.insertIfAbsent(invite.id().value(), invite.digest(), invite.displayPrefix(), invite.createdBy(),
                    invite.createdAt(), invite.expiresAt(), invite.maxUses(), invite.uses().size(),
                    invite.email().orElse(null), invite.revokedAt().orElse(null)) != 1) {
                return false;
            }
            int seq = 0;
            for (Invite.Use use : invite.uses()) {
                seq++;
                addUse(invite.id(), seq, use);
            }
            return true;
        });
    }

    @Override
    public Optional<Invite> find(InviteId id) {
        return transactions.read(() -> invites.byId(id.value()).map(this::withUses));
    }

    @Override
    public Optional<Invite> findByDigest(String digest) {
        return transactions.read(() -> invites.byDigest(digest).map(this::withUses));
    }

    @Override
    public List<Invite> list() {
        return transactions.read(() -> withUses(invites.newestFirst(), uses.all()));
    }

    @Override
    public List<Invite> page(Optional<InviteId> after, int limit) {
        Pages.check(limit);
        return transactions.read(() -> {
            List<InviteRow> rows = after.map(a -> invites.pageAfter(a.value(), limit))
                    .orElseGet(() -> invites.firstPage(limit));
            // Only this page's uses, not the whole table's.
            List<String> ids = rows.stream().map(InviteRow::id).toList();
            return withUses(rows, ids.isEmpty() ? List.of() : uses.byInvites(ids));
        });
    }

    @Override
    public Optional<Invite> recordUse(InviteId id, Invite.Use use) {
        Objects.requireNonNull(use, "use");
        return transactions.write(() -> {
            if (invites.takeUse(id.value(), use.at()) != 1) {
                return Optional.empty();
            }
            InviteRow row = invites.byId(id.value()).orElseThrow();
            addUse(id, row.useCount(), use);
            return Optional.of(withUses(row));
        });
    }

    @Override
    public Optional<Invite> revoke(InviteId id, Instant at) {
        return transactions.write(() -> {
            invites.revoke(id.value(), at);
            return invites.byId(id.value()).map(this::withUses);
        });
    }

    private void addUse(InviteId id, int seq, Invite.Use use) {
        invites.addUse(id.value() + "/" + seq, id.value(), seq, use.username().value(), use.at());
    }

    private Invite withUses(InviteRow row) {
        return invite(row, uses.byInvite(row.id()));
    }

    private static List<Invite> withUses(List<InviteRow> rows, List<InviteUseRow> useRows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<InviteUseRow>> byInvite = useRows.stream()
                .collect(Collectors.groupingBy(InviteUseRow::inviteId));
        return rows.stream().map(r -> invite(r, byInvite.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Invite invite(InviteRow row, List<InviteUseRow> useRows) {
        List<Invite.Use> used = new ArrayList<>();
        useRows.forEach(u -> used.add(new Invite.Use(Username.of(u.username()), u.usedAt())));
        return new Invite(new InviteId(row.id()), row.digest(), row.displayPrefix(), row.createdBy(), row.createdAt(),
                row.expiresAt(), row.maxUses(), used, Optional.ofNullable(row.email()),
                Optional.ofNullable(row.revokedAt()));
    }
}
