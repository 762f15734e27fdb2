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
 * {@code users DIR PREFIX N}: inserts N users then locks each; {@code end-sessions DIR USER};
 * {@code link DIR USER N}: links N GitHub identities to USER and prints how many it won.
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
            case "link" -> {
                System.out.println("ready");
                System.out.flush();
                System.out.println(link(stores, args[2], Integer.parseInt(args[3])));
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    /** Links the GitHub subjects 0 to N-1 to {@code user}; how many were not linked already. */
    static int link(Stores stores, String user, int count) {
        int won = 0;
        for (int i = 0; i < count; i++) {
            if (stores.identities().insert(dev.gatehouse.core.contract.IdentityLinkStoreContract.link(
                    dev.gatehouse.core.model.identities.ProviderName.GITHUB, Integer.toString(i), user, Instant.now()))) {
                won++;
            }
        }
        return won;
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
