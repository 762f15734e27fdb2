package dev.gatehouse.store.json;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.out.Stores;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/**
 * The "other process" of {@link CrossProcessWriteTest}: a separate JVM working on the same store.
 * {@code users DIR PREFIX N}: inserts N users then locks each; {@code end-sessions DIR USER}.
 */
public final class StoreWriterMain {

    private StoreWriterMain() {
    }

    public static void main(String[] args) {
        Stores stores = JsonStores.open(Path.of(args[1]));
        switch (args[0]) {
            case "users" -> {
                System.out.println("ready");
                System.out.flush();
                writeUsers(stores, args[2], Integer.parseInt(args[3]));
            }
            case "end-sessions" -> System.out.println(stores.sessions().deleteByUser(Username.of(args[2])));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    /** N inserts, then N read-modify-writes: each one is lost if the other process overwrites it. */
    static void writeUsers(Stores stores, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            stores.users().insert(User.create(Username.of(prefix + i), "hash", Set.of(), Instant.now()));
        }
        for (int i = 0; i < count; i++) {
            stores.users().update(Username.of(prefix + i),
                    u -> u.withStatus(UserStatus.locked("locked by " + prefix, Instant.now())));
        }
    }
}
