package dev.gatehouse.core.service.migration;

import dev.gatehouse.core.model.accounts.Avatar;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import dev.gatehouse.core.port.out.AuditLog;
import dev.gatehouse.core.port.out.AvatarStore;
import dev.gatehouse.core.port.out.SecretKeyStore;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.migration.CopyStoresResult.Counts;
import dev.gatehouse.core.service.migration.CopyWalk.Tally;
import dev.gatehouse.core.service.support.TokenDigests;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Copies everything one set of stores holds into another (keys, users with their avatars, sessions,
 * API keys, invites, users' permissions, links to providers' identities, audit events), for moving a deployment between stores: {@code gatehouse store migrate}.
 * Idempotent: a repeat run adds nothing, an interrupted run is finished by running it again, and a
 * user that differs in the target ends up as the source has it. Nothing is ever deleted from the
 * target, and a key the target already has is never changed: one that differs is kept (counted as
 * already present) with a warning, and if that is the token key the sessions and the API keys
 * checked by digest are not copied, as the target could not use them ({@link ApiKeyCopy} says which
 * API keys move).
 *
 * <p>Every kind is walked in pages of the batch size, so memory stays bounded however large the
 * stores are. An operator's tool, not a use case of the running server: no {@code port.in}.
 */
public final class CopyStores {

    /** Records read per page unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    /** The phases, in the order they run, as {@link Progress} names them. */
    public static final String KEYS = "keys";
    public static final String USERS = "users";
    public static final String SESSIONS = "sessions";
    public static final String API_KEYS = "api keys";
    public static final String INVITES = "invites";
    public static final String AUDIT = "audit";
    public static final String PERMISSIONS = "permissions";
    public static final String IDENTITIES = "identity links";

    /** The key session tokens and API keys are digested with; the same name {@link TokenDigests} uses. */
    static final String TOKEN_KEY = TokenDigests.KEY_NAME;

    /** Told how far the copy is. */
    @FunctionalInterface
    public interface Progress {

        /**
         * {@code done} records of {@code phase} are handled, of {@code total} ({@code -1} when the
         * store cannot say cheaply). Called when a phase starts, after every batch, and once the
         * phase is complete with {@code done == total}.
         */
        void update(String phase, long done, long total);

        /** Progress nobody watches. */
        static Progress none() {
            return (phase, done, total) -> { };
        }
    }

    private final int batchSize;
    private final CopyWalk walker;
    private final boolean replaceExisting;

    /** Copies in batches of {@link #DEFAULT_BATCH_SIZE}, keeping users the target already has. */
    public CopyStores() {
        this(DEFAULT_BATCH_SIZE, false);
    }

    public CopyStores(int batchSize) {
        this(batchSize, false);
    }

    /**
     * With {@code replaceExisting}, a user the target has in another version is overwritten with
     * the source's; without it the target's is kept (it may have signed in there since, upgrading
     * its hash, or changed its password) and a warning counts them.
     */
    public CopyStores(int batchSize, boolean replaceExisting) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be at least 1, was " + batchSize + ".");
        }
        this.batchSize = batchSize;
        this.walker = new CopyWalk(batchSize);
        this.replaceExisting = replaceExisting;
    }

    /** Copies {@code from} into {@code to}; a {@link StoreException} from either store ends the run. */
    public CopyStoresResult copy(Stores from, Stores to, Progress progress) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(progress, "progress");
        List<String> warnings = new ArrayList<>();
        Tally keys = copyKeys(from.secrets(), to.secrets(), warnings, progress);
        Set<Username> moved = new HashSet<>();
        Tally avatars = new Tally();
        Counts users = copyUsers(from, to, progress, warnings, moved, avatars);
        Counts sessions;
        if (keys.tokenKeyDiffers) {
            warnings.add("The target already has its own " + TOKEN_KEY + ", different from the source's, so it"
                    + " would not recognise the source's sessions: they were not copied, and their users sign in"
                    + " again. To keep them, copy into a store that has no " + TOKEN_KEY + " yet.");
            sessions = Counts.NONE;
        } else {
            sessions = copySessions(from.sessions(), to.sessions(), progress, moved, warnings);
        }
        Counts apiKeys = new ApiKeyCopy(walker).copy(from, to, keys.tokenKeyDiffers, progress, warnings);
        Counts invites = new InviteCopy(walker).copy(from.invites(), to.invites(), keys.tokenKeyDiffers, progress,
                warnings);
        Counts permissions = PermissionCopy.copy(from.permissions(), to.permissions(), moved, replaceExisting,
                progress, warnings);
        Counts identities = new IdentityLinkCopy(walker).copy(from.identities(), to.identities(), to.users(), moved,
                replaceExisting, progress, warnings);
        Counts audit = copyAudit(from.audit(), to.audit(), progress);
        return new CopyStoresResult(users, avatars.counts(), sessions, apiKeys, audit, keys.counts(), permissions,
                invites, identities, warnings);
    }

    private Tally copyKeys(SecretKeyStore from, SecretKeyStore to, List<String> warnings, Progress progress) {
        List<String> names = from.names().stream().sorted().toList();
        Set<String> inTarget = to.names();
        Tally tally = new Tally();
        progress.update(KEYS, 0, names.size());
        for (String name : names) {
            byte[] key = from.getOrCreate(name, () -> {
                throw new StoreException("The source store lists the key '" + name + "' but does not hold it;"
                        + " check its key file or table.");
            });
            byte[] kept = to.getOrCreate(name, key::clone);
            if (!MessageDigest.isEqual(key, kept)) {
                tally.alreadyPresent++;
                if (name.equals(TOKEN_KEY)) {
                    tally.tokenKeyDiffers = true;
                } else {
                    warnings.add("The target already has its own key '" + name
                            + "', different from the source's; the target's was kept.");
                }
            } else if (inTarget.contains(name)) {
                tally.alreadyPresent++;
            } else {
                tally.copied++;
            }
        }
        progress.update(KEYS, names.size(), names.size());
        return tally;
    }

    /**
     * Copies the users, and with each user copied or replaced in this run its avatar, right away: an
     * interrupted run then leaves no moved user without theirs. Like sessions, the avatar of a user
     * copied by an earlier run is left alone: it may have been removed in the target since.
     */
    private Counts copyUsers(Stores from, Stores to, Progress progress, List<String> warnings,
                             Set<Username> moved, Tally avatars) {
        Tally tally = new Tally();
        UserStore source = from.users();
        walker.walk(USERS, source.count(), progress, tally, source::page, User::username, Comparator.naturalOrder(), user -> {
            long before = tally.copied + tally.replaced;
            copyUser(user, to.users(), tally);
            if (tally.copied + tally.replaced > before) {
                moved.add(user.username());
                copyAvatar(user.username(), from.avatars(), to.avatars(), avatars);
            }
        });
        if (tally.kept > 0) {
            warnings.add(tally.kept + (tally.kept == 1 ? " user differs" : " users differ") + " in the target"
                    + " (signed in or changed there since an earlier copy?); the target's version was kept."
                    + " To overwrite with the source's, copy again with replacing on (--replace-existing).");
        }
        return tally.counts();
    }

    /** Inserts the user, or (when replacing) makes the target's user of that name equal to it. */
    private void copyUser(User user, UserStore to, Tally tally) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (to.insert(user)) {
                tally.copied++;
                return;
            }
            Optional<User> current = to.find(user.username());
            if (current.isPresent() && current.get().equals(user)) {
                tally.alreadyPresent++;
                return;
            }
            if (current.isPresent() && !replaceExisting) {
                tally.alreadyPresent++;
                tally.kept++;
                return;
            }
            if (current.isPresent() && to.update(user.username(), existing -> user).isPresent()) {
                tally.replaced++;
                return;
            }
            // Removed between insert and update by someone else: try again.
        }
        throw new StoreException("The user '" + user.username() + "' kept changing in the target store while"
                + " it was being copied; stop whatever else writes to it and run the copy again.");
    }

    /** Puts the source's avatar of the user into the target; a user without one keeps the target's, if any. */
    private static void copyAvatar(Username username, AvatarStore from, AvatarStore to, Tally tally) {
        Optional<Avatar> avatar = from.find(username);
        if (avatar.isEmpty()) {
            return;
        }
        Optional<Avatar> current = to.find(username);
        if (current.equals(avatar)) {
            tally.alreadyPresent++;
            return;
        }
        to.put(avatar.get());
        if (current.isPresent()) {
            tally.replaced++;
        } else {
            tally.copied++;
        }
    }

    /**
     * Sessions move only with their user's copy in this run: a session of a user copied earlier may
     * have ended in the target since (signed out, password reset) and must not come back.
     */
    private Counts copySessions(SessionStore from, SessionStore to, Progress progress, Set<Username> moved,
                                List<String> warnings) {
        Tally tally = new Tally();
        long[] left = {0};
        walker.walk(SESSIONS, -1, progress, tally, from::page, Session::id, Comparator.comparing(SessionId::value),
                session -> {
                    if (to.find(session.id()).isPresent()) {
                        tally.alreadyPresent++;
                    } else if (moved.contains(session.username())) {
                        to.save(session);
                        tally.copied++;
                    } else {
                        tally.alreadyPresent++;
                        left[0]++;
                    }
                });
        if (left[0] > 0) {
            warnings.add(left[0] + (left[0] == 1 ? " session was" : " sessions were") + " not copied: their users"
                    + " were copied by an earlier run, and a session ended in the target since must not come back.");
        }
        return tally.counts();
    }

    private Counts copyAudit(AuditLog from, AuditLog to, Progress progress) {
        Tally tally = new Tally();
        TargetLog target = new TargetLog(to);
        walker.walk(AUDIT, -1, progress, tally, from::page, Function.identity(), AuditLog.LOG_ORDER, event -> {
            if (target.has(event)) {
                tally.alreadyPresent++;
            } else {
                to.append(event);
                tally.copied++;
            }
        });
        return tally.counts();
    }

    /**
     * The target's audit log, walked alongside the source's in the same (time, id) order, to tell
     * which events it already holds without keeping all their ids in memory. Events appended by the
     * copy sort before the cursor, so they never show up in a later page of this walk.
     */
    private final class TargetLog {
        private final AuditLog log;
        private List<AuditEvent> page = List.of();
        private int index;
        private boolean exhausted;

        TargetLog(AuditLog log) {
            this.log = log;
        }

        /** Whether the target has {@code event}; calls come in log order. */
        boolean has(AuditEvent event) {
            while (true) {
                while (index < page.size() && AuditLog.LOG_ORDER.compare(page.get(index), event) < 0) {
                    index++;
                }
                if (index < page.size()) {
                    return AuditLog.LOG_ORDER.compare(page.get(index), event) == 0;
                }
                if (exhausted) {
                    return false;
                }
                Optional<AuditEvent> after = page.isEmpty() ? Optional.empty() : Optional.of(page.get(page.size() - 1));
                page = log.page(after, batchSize);
                index = 0;
                exhausted = page.isEmpty();
            }
        }
    }
}
