package org.liqlens.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The training run of the command line's class-data-sharing archive: run as
 * {@code java -XX:ArchiveClassesAtExit=liqlens-cli.jsa -cp liqlens-cli.jar org.liqlens.cli.CdsTraining}, it runs the
 * short commands (levels, models, map and heatmap of a file and of the simulator, as JSON, CSV and PNG, zones) on a
 * few days of made-up 1m klines, so that the JVM writes every class they load, already parsed and verified, into
 * the archive. A later run with {@code -XX:SharedArchiveFile=liqlens-cli.jsa} maps them instead of loading them.
 * Needs no network and no data files; prints nothing unless a command fails (its status is then the exit status,
 * and the archive should not be kept).
 */
public final class CdsTraining {
    private CdsTraining() { }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path dir = Files.createTempDirectory("liqlens-cds-training-");
        int status;
        try {
            status = train(dir);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
        System.exit(status);
    }

    static int train(Path dir) throws IOException {
        Path csv = dir.resolve("binance_um_TRAINUSDT-1m-2026-01.csv");
        writeKlines(csv, 4 * 1440);
        String file = "file:" + csv;
        String png = dir.resolve("chart.png").toString();
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"--version"});
        commands.add(new String[] {"levels", "--side", "long", "--entry", "100", "--leverage", "10"});
        commands.add(new String[] {"levels", "--side", "short", "--entry", "100", "--leverage", "20", "--notional", "5000", "--symbol", "BTCUSDT"});
        commands.add(new String[] {"models"});
        commands.add(new String[] {"map", "--source", file, "--model", "m1", "--window", "3d"});
        commands.add(new String[] {"map", "--source", file, "--model", "m3", "--window", "24h", "--format", "csv"});
        commands.add(new String[] {"map", "--source", file, "--model", "m1", "--window", "3d", "--png", png});
        commands.add(new String[] {"heatmap", "--source", file, "--model", "m1", "--window", "3d"});
        commands.add(new String[] {"heatmap", "--source", file, "--model", "m1", "--window", "3d", "--png", png});
        commands.add(new String[] {"map", "--source", "sim", "--model", "m1", "--window", "24h"});
        commands.add(new String[] {"zones", "--source", file, "--panes", "m1:12h,m1:24h"});
        PrintStream out = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        int worst = LiqLensCli.OK;
        for (String[] command : commands) {
            java.io.ByteArrayOutputStream errBytes = new java.io.ByteArrayOutputStream();
            PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
            int status = LiqLensCli.run(command, out, err);
            if (status != LiqLensCli.OK) {
                System.err.println("liqlens-cli training: " + String.join(" ", command) + " exited " + status + ": "
                        + errBytes.toString(StandardCharsets.UTF_8).trim());
                worst = Math.max(worst, status);
            }
        }
        return worst;
    }

    /** {@code rows} closed 1m klines in the data.binance.vision layout, with its header: a random walk around 100. */
    static void writeKlines(Path csv, int rows) throws IOException {
        Random random = new Random(17);
        long t = 1_767_225_600_000L; // 2026-01-01T00:00Z
        double price = 100;
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.US_ASCII)) {
            w.write("open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore\n");
            for (int i = 0; i < rows; i++, t += 60_000) {
                double open = price;
                double close = Math.max(1, open * (1 + random.nextGaussian() * 0.002));
                double high = Math.max(open, close) * (1 + random.nextDouble() * 0.001);
                double low = Math.min(open, close) * (1 - random.nextDouble() * 0.001);
                double volume = 1000 + random.nextInt(5000);
                double quote = volume * (high + low) / 2;
                w.write(String.format(Locale.ROOT, "%d,%.4f,%.4f,%.4f,%.4f,%.1f,%d,%.4f,%d,%.1f,%.4f,0\n", t, open, high, low, close,
                        volume, t + 59_999, quote, 100 + i % 50, volume / 2, quote / 2));
                price = close;
            }
        }
    }
}
