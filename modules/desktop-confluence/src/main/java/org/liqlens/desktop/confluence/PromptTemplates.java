package org.liqlens.desktop.confluence;

import java.util.prefs.Preferences;
import org.liqlens.confluence.PromptTemplate;
import org.openide.util.NbPreferences;

/**
 * The user's prompt template: LiqLens's default until the user saves an edited one, and back to it on reset.
 * The edited text is stored only after {@link PromptTemplate#parse} accepted it, so a stored template is always
 * usable.
 */
final class PromptTemplates {
    private static final String KEY = "promptTemplate";
    static final String EDITED_ORIGIN = "the edited prompt template";

    private PromptTemplates() { }

    private static Preferences preferences() {
        return NbPreferences.forModule(PromptTemplates.class);
    }

    static boolean isCustom() {
        return !preferences().get(KEY, "").isEmpty();
    }

    /** The template exports use now. */
    static PromptTemplate current() {
        String text = preferences().get(KEY, "");
        if (text.isEmpty()) return PromptTemplate.defaultTemplate();
        try {
            return PromptTemplate.parse(text, EDITED_ORIGIN);
        } catch (IllegalArgumentException e) {
            // A template that a newer version accepted and this one does not: fall back rather than fail every export.
            return PromptTemplate.defaultTemplate();
        }
    }

    /**
     * Checks and stores an edited template.
     *
     * @throws org.liqlens.confluence.PromptTemplateException naming the unknown placeholder and its line
     */
    static PromptTemplate save(String text) {
        PromptTemplate t = PromptTemplate.parse(text, EDITED_ORIGIN);
        // A preference value holds at most MAX_VALUE_LENGTH characters: refuse rather than store a cut template.
        if (text.length() > Preferences.MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("the template has " + text.length() + " characters; at most "
                    + Preferences.MAX_VALUE_LENGTH + " can be kept");
        }
        preferences().put(KEY, text);
        return t;
    }

    static void reset() {
        preferences().remove(KEY);
    }
}
