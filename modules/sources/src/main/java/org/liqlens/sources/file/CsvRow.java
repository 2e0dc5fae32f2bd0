package org.liqlens.sources.file;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One comma-separated row split into field offsets in a single pass (no regex, no {@code String.split}),
 * with typed accessors that name the field in their error. Fields may be wrapped in double quotes; exchange
 * archives never escape quotes inside a field, so that case is not handled.
 */
final class CsvRow {
    private byte[] b;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int count;

    CsvRow split(byte[] buf, int from, int to) {
        this.b = buf;
        int n = 0;
        int s = from;
        for (int i = from; i <= to; i++) {
            if (i == to || buf[i] == ',') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                    ends = Arrays.copyOf(ends, n * 2);
                }
                int fs = s;
                int fe = i;
                while (fs < fe && buf[fs] == ' ') fs++;
                while (fe > fs && buf[fe - 1] == ' ') fe--;
                if (fe - fs >= 2 && buf[fs] == '"' && buf[fe - 1] == '"') {
                    fs++;
                    fe--;
                }
                starts[n] = fs;
                ends[n] = fe;
                n++;
                s = i + 1;
            }
        }
        count = n;
        return this;
    }

    int count() {
        return count;
    }

    boolean isEmpty(int i) {
        return starts[i] == ends[i];
    }

    String text(int i) {
        return new String(b, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
    }

    boolean textEquals(int i, String ascii) {
        int len = ends[i] - starts[i];
        if (len != ascii.length()) return false;
        for (int k = 0; k < len; k++) {
            if (b[starts[i] + k] != ascii.charAt(k)) return false;
        }
        return true;
    }

    long integer(int i, String name) {
        int p = starts[i];
        int e = ends[i];
        boolean neg = false;
        if (p < e && b[p] == '-') {
            neg = true;
            p++;
        }
        if (p == e || e - p > 18) {
            throw new RowProblem(name + " '" + text(i) + "' is not an integer");
        }
        long v = 0;
        for (; p < e; p++) {
            int c = b[p] - '0';
            if (c < 0 || c > 9) {
                throw new RowProblem(name + " '" + text(i) + "' is not an integer");
            }
            v = v * 10 + c;
        }
        return neg ? -v : v;
    }

    double decimal(int i, String name) {
        try {
            return FastDecimal.parse(b, starts[i], ends[i]);
        } catch (NumberFormatException e) {
            throw new RowProblem(name + " '" + text(i) + "' is not a number");
        }
    }

    boolean bool(int i, String name) {
        if (textEqualsIgnoreCase(i, "true") || textEquals(i, "1")) return true;
        if (textEqualsIgnoreCase(i, "false") || textEquals(i, "0")) return false;
        throw new RowProblem(name + " '" + text(i) + "' is not true or false");
    }

    private boolean textEqualsIgnoreCase(int i, String lowerAscii) {
        int len = ends[i] - starts[i];
        if (len != lowerAscii.length()) return false;
        for (int k = 0; k < len; k++) {
            if ((b[starts[i] + k] | 0x20) != lowerAscii.charAt(k)) return false;
        }
        return true;
    }

    /** {@code YYYY-MM-DD HH:MM:SS} (or with {@code T}, optional {@code .fff} and {@code Z}) as UTC epoch ms. */
    long dateTime(int i, String name) {
        int p = starts[i];
        int len = ends[i] - p;
        if (len < 19 || b[p + 4] != '-' || b[p + 7] != '-' || (b[p + 10] != ' ' && b[p + 10] != 'T')
                || b[p + 13] != ':' || b[p + 16] != ':') {
            throw new RowProblem(name + " '" + text(i) + "' is not a date-time like 2024-06-01 00:05:00");
        }
        int year = digits(p, 4, i, name);
        int month = digits(p + 5, 2, i, name);
        int day = digits(p + 8, 2, i, name);
        int hour = digits(p + 11, 2, i, name);
        int minute = digits(p + 14, 2, i, name);
        int second = digits(p + 17, 2, i, name);
        int millis = 0;
        int q = p + 19;
        if (q < ends[i] && b[q] == '.') {
            q++;
            int scale = 100;
            while (q < ends[i] && b[q] >= '0' && b[q] <= '9') {
                millis += (b[q] - '0') * scale;
                scale /= 10;
                q++;
            }
        }
        if (q < ends[i] && b[q] == 'Z') q++;
        if (q != ends[i] || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
            throw new RowProblem(name + " '" + text(i) + "' is not a valid date-time");
        }
        return (daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second) * 1000L + millis;
    }

    private int digits(int p, int n, int field, String name) {
        int v = 0;
        for (int k = 0; k < n; k++) {
            int c = b[p + k] - '0';
            if (c < 0 || c > 9) {
                throw new RowProblem(name + " '" + text(field) + "' is not a valid date-time");
            }
            v = v * 10 + c;
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm, no allocation). */
    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
