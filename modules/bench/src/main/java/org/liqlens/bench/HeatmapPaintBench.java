package org.liqlens.bench;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.liqlens.charts.HeatmapChartFactory;
import org.liqlens.charts.HeatmapStyle;
import org.liqlens.engine.EstimateResult;
import org.liqlens.engine.HeatmapGrid;
import org.liqlens.engine.market.MarketInputs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Repainting the heatmap chart as a desktop pane does: one {@code chart.draw(g2, rect, info)} into a
 * 1,600 x 900 image, for the estimate of {@code CandleBench.m1Month} (m1, 30 days of 1m candles: 43,200
 * candles, 1,000 buckets x 1,440 columns). Target: every case at most 16 ms (one frame at 60 Hz).
 *
 * <p>A ChartPanel repaints from its own buffer when nothing changed (a crosshair move, another window
 * uncovering it) and calls {@code chart.draw} only when the chart changed; the cases are those draws:
 * <ul>
 * <li>{@code unchanged}: a second draw of the same view (the heatmap's kept image is reused);</li>
 * <li>{@code zoomedInUnchanged}: the same, zoomed to five days and a tenth of the price range;</li>
 * <li>{@code zoomStep}: each draw after a zoom step of 10 % in or out around the centre, alternating
 *     (from the initial view: the heatmap renders the cells in view again);</li>
 * <li>{@code panStep}: zoomed to days 10-20 and a third of the price range, each draw after shifting the
 *     time and price ranges by 3 %, alternating direction (the grid still fills the plot);</li>
 * <li>{@code panStepFromFullView}: the same from the initial view, so that 3 % of the plot lies past the grid's
 *     end (gridlines drawn beside the grid, candles drawn by the plot);</li>
 * <li>{@code restyleFullView}: each draw after a contrast change, the whole grid in view (the worst case:
 *     every one of the 1.44 million cells read).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(jvmArgsAppend = "-Djava.awt.headless=true")
public class HeatmapPaintBench {
    static final int WIDTH = 1_600, HEIGHT = 900;

    /** The estimate, made once per fork: charts are cheap to make from it. */
    @State(Scope.Benchmark)
    public static class Estimate {
        EstimateResult result;

        @Setup
        public void setUp() {
            MarketInputs inputs = MarketInputs.of(Markets.simulated(30).candles1m());
            result = CandleBench.ENGINE.estimate(CandleBench.request(inputs, "m1", 30, 1000, 1440));
        }
    }

    /** A chart and the pane's buffer it is drawn into, as ChartPanel keeps them. */
    @State(Scope.Thread)
    public static class Pane {
        JFreeChart chart;
        XYPlot plot;
        HeatmapGrid grid;
        BufferedImage buffer;
        Graphics2D g2;
        final Rectangle2D area = new Rectangle2D.Double(0, 0, WIDTH, HEIGHT);
        final ChartRenderingInfo info = new ChartRenderingInfo();
        Range time, price;
        boolean flip;

        @Setup(Level.Trial)
        public void setUp(Estimate e) {
            chart = HeatmapChartFactory.create(e.result, "Simulated market (seed 1)", true, HeatmapStyle.DEFAULT);
            plot = (XYPlot) chart.getPlot();
            grid = e.result.heatmap();
            // ChartPanel's buffer: a compatible image, INT_RGB on the usual screens
            buffer = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            g2 = buffer.createGraphics();
            time = plot.getDomainAxis().getRange();
            price = plot.getRangeAxis().getRange();
        }

        void draw() {
            chart.draw(g2, area, null, info);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            g2.dispose();
        }
    }

    /** The initial view (30 days, the traded range), drawn again unchanged. */
    @Benchmark
    public BufferedImage unchanged(Pane p) {
        p.draw();
        return p.buffer;
    }

    /** Zoomed to days 20-25 and a tenth of the price grid around the price, drawn again unchanged. */
    @State(Scope.Thread)
    public static class Zoomed extends Pane {
        @Setup(Level.Trial)
        public void zoom() {
            long day = Markets.DAY_MS;
            plot.getDomainAxis().setRange(grid.start() + 20 * day, grid.start() + 25 * day);
            double span = (grid.priceHigh() - grid.priceLow()) / 10;
            double mid = plot.getRangeAxis().getRange().getCentralValue();
            plot.getRangeAxis().setRange(mid - span / 2, mid + span / 2);
            draw();
        }
    }

    @Benchmark
    public BufferedImage zoomedInUnchanged(Zoomed p) {
        p.draw();
        return p.buffer;
    }

    /** A mouse-wheel step: 10 % in, then back out, about the centre of the view. */
    @Benchmark
    public BufferedImage zoomStep(Pane p) {
        double f = (p.flip = !p.flip) ? 0.9 : 1.0;
        p.plot.getDomainAxis().setRange(scale(p.time, f));
        p.plot.getRangeAxis().setRange(scale(p.price, f));
        p.draw();
        return p.buffer;
    }

    /** Zoomed to days 10-20 and a third of the price range around the price: room to pan inside the grid. */
    @State(Scope.Thread)
    public static class ZoomedForPanning extends Pane {
        @Setup(Level.Trial)
        public void zoom() {
            long day = Markets.DAY_MS;
            double span = (grid.priceHigh() - grid.priceLow()) / 3;
            double mid = plot.getRangeAxis().getRange().getCentralValue();
            time = new Range(grid.start() + 10 * day, grid.start() + 20 * day);
            price = new Range(mid - span / 2, mid + span / 2);
            plot.getDomainAxis().setRange(time);
            plot.getRangeAxis().setRange(price);
            draw();
        }
    }

    /** A drag step inside the grid: time and price ranges shifted by 3 %, then back. */
    @Benchmark
    public BufferedImage panStep(ZoomedForPanning p) {
        return pan(p);
    }

    /** A drag step from the initial view: 3 % of the plot then lies past the grid's end. */
    @Benchmark
    public BufferedImage panStepFromFullView(Pane p) {
        return pan(p);
    }

    private static BufferedImage pan(Pane p) {
        double f = (p.flip = !p.flip) ? 0.03 : 0.0;
        p.plot.getDomainAxis().setRange(Range.shift(p.time, f * p.time.getLength()));
        p.plot.getRangeAxis().setRange(Range.shift(p.price, f * p.price.getLength()));
        p.draw();
        return p.buffer;
    }

    /** A contrast slider step with the whole grid in view: every cell read again. */
    @Benchmark
    public BufferedImage restyleFullView(Pane p) {
        if (!p.flip) {
            p.flip = true;
            p.plot.getDomainAxis().setRange(p.grid.start(), p.grid.end());
            p.plot.getRangeAxis().setRange(p.grid.priceLow(), p.grid.priceHigh());
        }
        HeatmapStyle now = HeatmapChartFactory.style(p.chart);
        HeatmapChartFactory.restyle(p.chart, now.withContrast(now.contrast() == 50 ? 60 : 50));
        p.draw();
        return p.buffer;
    }

    private static Range scale(Range r, double factor) {
        double half = r.getLength() * factor / 2;
        return new Range(r.getCentralValue() - half, r.getCentralValue() + half);
    }
}
