package dev.gatehouse.core.model.audit;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New audit event ids in the layout of UUID version 7: the wall-clock millisecond, then a counter,
 * then random bits. Logs list events of the same instant by id, so ids made one after another in a
 * process sort in that order (a register and the invite use it records in the same millisecond
 * read back as they happened); across processes they sort by the real time they were made.
 */
public final class AuditIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static long counter;

    private AuditIds() {
    }

    /** The next id: greater than every id this process made before. */
    public static String next() {
        long millis;
        long sequence;
        synchronized (AuditIds.class) {
            millis = Math.max(System.currentTimeMillis(), lastMillis);
            if (millis == lastMillis) {
                counter++;
                if (counter > 0xFFF) { // 4,096 ids in one millisecond: borrow the next one
                    millis++;
                    counter = 0;
                }
            } else {
                counter = 0;
            }
            lastMillis = millis;
            sequence = counter;
        }
        long high = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | sequence;
        long low = RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
