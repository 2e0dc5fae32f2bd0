package org.liqlens.desktop.confluence;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.nio.file.Path;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;

/**
 * Beside the bundle: "Send for Review" sends the last bundle's prompt and pictures to the configured
 * OpenAI-compatible endpoint (Options › LiqLens › Review), shows the answer, and saves it into the zip as
 * {@code review.md}. Off the EDT, cancellable from the progress bar.
 */
@Messages({
    "BTN_SendReview=Send for Review",
    "MSG_ReviewNotConfigured=Set a review endpoint in Tools › Options › LiqLens › Review to send a bundle for review.",
    "MSG_ReviewNoBundle=Export a bundle first.",
    "MSG_ReviewNoKey=No API key is stored for the review endpoint (Options › LiqLens › Review).",
    "# {0} - endpoint",
    "MSG_Reviewing=Asking {0} for a review…",
    "# {0} - zip",
    "MSG_ReviewSaved=The review is saved in {0} as review.md.",
    "# {0} - error",
    "MSG_ReviewFailed=No review: {0}",
    "MSG_ReviewHint=The assistant's answer shows here. It reviews estimates, not records of positions."
})
final class ReviewPanel extends JPanel {
    private static final long serialVersionUID = 1L;
    private static final RequestProcessor REVIEWS = new RequestProcessor("LiqLens review", 1, true);

    private final JTextArea answer = new JTextArea(Bundle.MSG_ReviewHint());
    private final JLabel state = new JLabel(" ");
    private final JButton send = new JButton(Bundle.BTN_SendReview());
    private transient Path bundle;
    private transient String prompt;

    ReviewPanel(ExportTopComponent owner) {
        super(new BorderLayout());
        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
        top.add(send);
        top.add(state);
        add(top, BorderLayout.NORTH);
        answer.setEditable(false);
        answer.setLineWrap(true);
        answer.setWrapStyleWord(true);
        answer.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        answer.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
        add(new JScrollPane(answer), BorderLayout.CENTER);
        send.addActionListener(e -> send());
    }

    void bundleWritten(Path zip, String promptText) {
        bundle = zip;
        prompt = promptText;
        state.setText(ReviewSettings.isConfigured() ? " " : Bundle.MSG_ReviewNotConfigured());
    }

    private void send() {
        if (!ReviewSettings.isConfigured()) {
            state.setText(Bundle.MSG_ReviewNotConfigured());
            return;
        }
        if (bundle == null) {
            state.setText(Bundle.MSG_ReviewNoBundle());
            return;
        }
        Path zip = bundle;
        String base = ReviewSettings.baseUrl(), model = ReviewSettings.model();
        send.setEnabled(false);
        state.setText(Bundle.MSG_Reviewing(base));
        REVIEWS.post(() -> {
            ProgressHandle progress = ProgressHandle.createHandle(Bundle.MSG_Reviewing(base));
            progress.start();
            progress.switchToIndeterminate();
            try {
                char[] key = ReviewSettings.apiKey();
                if (key == null || key.length == 0) throw new IllegalStateException(Bundle.MSG_ReviewNoKey());
                String text = BundleReview.send(zip, base, model, key);
                java.util.Arrays.fill(key, '\0');
                SwingUtilities.invokeLater(() -> {
                    answer.setText(text);
                    answer.setCaretPosition(0);
                    state.setText(Bundle.MSG_ReviewSaved(zip.getFileName()));
                });
            } catch (Exception e) {
                // The client's messages name the request, never the key.
                SwingUtilities.invokeLater(() -> state.setText(Bundle.MSG_ReviewFailed(e.getMessage())));
            } finally {
                progress.finish();
                SwingUtilities.invokeLater(() -> send.setEnabled(true));
            }
        });
    }

    String answerText() {
        return answer.getText();
    }

    String promptText() {
        return prompt;
    }
}
