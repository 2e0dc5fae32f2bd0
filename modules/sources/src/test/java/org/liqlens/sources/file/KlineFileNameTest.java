package org.liqlens.sources.file;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@link KlineFileName} accepts, refuses and splits names exactly as the regular expression it replaced. */
class KlineFileNameTest {
    /** What ArchiveCatalog and the command line's SourceOptions matched klines file names with (the CLI's without group 2). */
    private static final Pattern REGEX = Pattern.compile("^(?:.*_)?([A-Za-z0-9]+)-(\\d+[smhdw])-.*");

    private static void assertSameAsRegex(String name) {
        Matcher m = REGEX.matcher(name);
        KlineFileName k = KlineFileName.parse(name);
        if (m.matches()) {
            assertEquals(m.group(1), k == null ? null : k.symbol(), name);
            assertEquals(m.group(2), k.interval(), name);
        } else {
            assertNull(k, name);
        }
    }

    @Test
    void realAndEdgeNames() {
        String[] names = {
            "BTCUSDT-1m-2024-01.csv", "binance_um_NEARUSDT-1m-2026-06.csv", "binance_spot_BTCUSDT-1m-2023-06.csv",
            "BTCUSDT-15m-2024-01.zip", "BTCUSDT-1w-", "BTCUSDT-1w", "BTCUSDT-1x-2024", "-1m-2024", "_BTC-1m-x", "a_b_c-1m-",
            "a_b-c_d-1m-x", "x_-1m-", "x__BTC-1m-y", "BTC_-1m-", "BTC--1m-", "BTC-m-", "BTC-1-", "BTC-01h-", "BTC-1M-",
            "BTC-1m-\n", "BTC\n_ETH-1m-", "BTC_ETH-1m-x\r", "BTC-1m-\u2028", "BTC-1m-\u0085x", "ÄBTC-1m-", "a_Ä-1m-",
            "BTC-١m-", "BTC-1m-2024_ETH-5m-2025", "_-1m-", "", "_", "BTC-1d-2024-01.csv.gz", "BTC-1s-", "x_BTC-12h--",
        };
        for (String name : names) assertSameAsRegex(name);
    }

    @Test
    void randomNames() {
        Random r = new Random(11);
        String alphabet = "aZ09_-.mhdswx\n\u2028Ä1";
        for (int i = 0; i < 300_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(14);
            for (int k = 0; k < n; k++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            assertSameAsRegex(b.toString());
        }
        // names shaped like the real ones, with a few characters changed
        String[] shapes = {"binance_um_NEARUSDT-1m-2026-06.csv", "BTCUSDT-1h-2024-01.zip", "a_b_ETH-3d-x"};
        for (int i = 0; i < 300_000; i++) {
            StringBuilder b = new StringBuilder(shapes[r.nextInt(shapes.length)]);
            for (int k = r.nextInt(3); k >= 0; k--) {
                b.setCharAt(r.nextInt(b.length()), alphabet.charAt(r.nextInt(alphabet.length())));
            }
            assertSameAsRegex(b.toString());
        }
    }
}
