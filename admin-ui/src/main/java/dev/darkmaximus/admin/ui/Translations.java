package dev.darkmaximus.admin.ui;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.stereotype.Component;

/**
 * The UI's texts in English and Russian ({@code vaadin-i18n/translations*.properties}). Russian for browsers that
 * ask for it, English for everyone else; an operator can switch in the header.
 */
@Component
public class Translations implements I18NProvider {

    private static final Locale RUSSIAN = Locale.of("ru");
    private static final ResourceBundle.Control PLAIN = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(Locale.ENGLISH, RUSSIAN);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale language = locale != null && RUSSIAN.getLanguage().equals(locale.getLanguage()) ? RUSSIAN : Locale.ROOT;
        try {
            String text = ResourceBundle.getBundle("vaadin-i18n.translations", language, PLAIN).getString(key);
            if (params.length == 0) {
                return text;
            }
            // Ids and counts read as typed (no "1,234,567" grouping); apostrophes are text, never MessageFormat quotes.
            Object[] plain = Arrays.stream(params).map(p -> p instanceof Number ? p.toString() : p).toArray();
            return new MessageFormat(text.replace("'", "''"), locale).format(plain);
        } catch (MissingResourceException missing) {
            return "!" + key;
        }
    }
}
