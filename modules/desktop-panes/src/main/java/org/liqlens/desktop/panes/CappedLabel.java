package org.liqlens.desktop.panes;

import java.awt.Dimension;
import javax.swing.JLabel;

/**
 * A label whose preferred width is capped: a long text (a pane's coverage footer, the Zones window's header) is cut
 * or wrapped to the width its window gets, and does not ask for more. As a preferred width, such a text once it was
 * set early enough on a first start pushed the window system's first layout of the workbench past the screen: the
 * panes came up too wide and the map window off the main window. Pair it with a tooltip holding the whole text
 * where the text may be cut.
 */
public final class CappedLabel extends JLabel {
    private static final long serialVersionUID = 1L;

    private final int maxPreferredWidth;

    /** @param maxPreferredWidth the most this label asks for, in pixels */
    public CappedLabel(String text, int horizontalAlignment, int maxPreferredWidth) {
        super(text, horizontalAlignment);
        this.maxPreferredWidth = maxPreferredWidth;
    }

    @Override
    public Dimension getPreferredSize() {
        Dimension d = super.getPreferredSize();
        return d.width <= maxPreferredWidth ? d : new Dimension(maxPreferredWidth, d.height);
    }
}
