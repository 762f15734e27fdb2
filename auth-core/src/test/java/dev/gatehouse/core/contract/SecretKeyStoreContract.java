package dev.gatehouse.core.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.core.port.out.SecretKeyStore;
import dev.gatehouse.core.port.out.SecureRandomSource;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link SecretKeyStore} must have. */
public abstract class SecretKeyStoreContract {

    /** The store under test, on a fresh, empty place: the same instance throughout one test. */
    protected abstract SecretKeyStore keys();

    /** Another instance opened on the same place, as another process would. */
    protected abstract SecretKeyStore secondInstance();

    private static byte[] fresh() {
        return SecureRandomSource.system().bytes(32);
    }

    @Test
    void aKeyIsCreatedOnceAndThenAlwaysTheSame() {
        byte[] first = keys().getOrCreate("token-digest-key", SecretKeyStoreContract::fresh);
        assertEquals(32, first.length);
        assertArrayEquals(first, keys().getOrCreate("token-digest-key", SecretKeyStoreContract::fresh));
        assertArrayEquals(first, secondInstance().getOrCreate("token-digest-key", SecretKeyStoreContract::fresh));
    }

    @Test
    void differentNamesHaveDifferentKeys() {
        byte[] a = keys().getOrCreate("a", SecretKeyStoreContract::fresh);
        byte[] b = keys().getOrCreate("b", SecretKeyStoreContract::fresh);
        assertEquals(false, java.util.Arrays.equals(a, b));
    }

    @Test
    void theNamesOfExistingKeysAreListed() {
        assertEquals(java.util.Set.of(), keys().names());
        keys().getOrCreate("a", SecretKeyStoreContract::fresh);
        keys().getOrCreate("b", SecretKeyStoreContract::fresh);
        assertEquals(java.util.Set.of("a", "b"), secondInstance().names());
    }

    @Test
    void racingCreatorsAllGetTheSameKey() throws Exception {
        List<String> seen = Concurrently.run(8, i -> HexFormat.of().formatHex(
                (i % 2 == 0 ? keys() : secondInstance()).getOrCreate("raced", SecretKeyStoreContract::fresh)));
        assertEquals(1, seen.stream().distinct().count(), seen.toString());
    }
}
