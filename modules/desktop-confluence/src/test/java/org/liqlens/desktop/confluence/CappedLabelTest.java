package org.liqlens.desktop.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.swing.JLabel;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.liqlens.desktop.panes.CappedLabel;

/**
 * Long texts do not ask for their whole width: the Zones header (about 1,400 pixels on one line) and a pane's coverage
 * footer made the workbench come up too wide on some first starts, the map window off the main window.
 */
class CappedLabelTest {

    @Test
    void aLongTextAsksForTheCapAndItsOwnHeightAShortOneForItsWidth() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            String header = "<html><b>BTCUSDT</b> at 2026-01-01 00:00 UTC, price 94400.00: 4 panes compared. Estimates from "
                    + "public data and leverage assumptions, not records of positions; measured on our real data, the strongest "
                    + "zones were not swept more often than random levels at the same distance.</html>";
            JLabel plain = new JLabel(header);
            CappedLabel capped = new CappedLabel(header, SwingConstants.LEADING, 320);
            assertTrue(plain.getPreferredSize().width > 800, "the text on one line: " + plain.getPreferredSize().width);
            assertEquals(320, capped.getPreferredSize().width);
            assertEquals(plain.getPreferredSize().height, capped.getPreferredSize().height);

            CappedLabel shortOne = new CappedLabel("sim (simulated)", SwingConstants.LEFT, 320);
            assertEquals(new JLabel("sim (simulated)").getPreferredSize(), shortOne.getPreferredSize());
        });
    }
}
