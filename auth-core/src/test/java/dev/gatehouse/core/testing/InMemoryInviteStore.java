package dev.gatehouse.core.testing;

import dev.gatehouse.core.model.registration.Invite;
import dev.gatehouse.core.model.registration.InviteId;
import dev.gatehouse.core.port.out.InviteStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** An {@link InviteStore} in a sorted map, one lock around everything: the reference for the contract. */
public final class InMemoryInviteStore implements InviteStore {

    private final TreeMap<InviteId, Invite> invites = new TreeMap<>();

    @Override
    public synchronized boolean insert(Invite invite) {
        Objects.requireNonNull(invite, "invite");
        if (invites.containsKey(invite.id()) || findByDigest(invite.digest()).isPresent()) {
            return false;
        }
        invites.put(invite.id(), invite);
        return true;
    }

    @Override
    public synchronized Optional<Invite> find(InviteId id) {
        return Optional.ofNullable(invites.get(id));
    }

    @Override
    public synchronized Optional<Invite> findByDigest(String digest) {
        return invites.values().stream().filter(i -> i.digest().equals(digest)).findFirst();
    }

    @Override
    public synchronized List<Invite> list() {
        return invites.values().stream()
                .sorted(Comparator.comparing(Invite::createdAt).reversed().thenComparing(Invite::id)).toList();
    }

    @Override
    public synchronized List<Invite> page(Optional<InviteId> after, int limit) {
        List<Invite> page = new ArrayList<>();
        for (Invite invite : after.map(a -> invites.tailMap(a, false)).orElse(invites).values()) {
            if (page.size() == limit) {
                break;
            }
            page.add(invite);
        }
        return page;
    }

    @Override
    public synchronized Optional<Invite> recordUse(InviteId id, Invite.Use use) {
        Invite current = invites.get(id);
        if (current == null || !current.usable(use.at())) {
            return Optional.empty();
        }
        Invite used = current.usedBy(use);
        invites.put(id, used);
        return Optional.of(used);
    }

    @Override
    public synchronized Optional<Invite> revoke(InviteId id, Instant at) {
        Invite current = invites.get(id);
        if (current == null) {
            return Optional.empty();
        }
        Invite revoked = current.revoked(at);
        invites.put(id, revoked);
        return Optional.of(revoked);
    }
}
