package dev.darkmaximus.admin.ui;

import java.util.Collections;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;

/**
 * Every page load speaks the language the browser asks for, until the operator picks one in the header. Vaadin
 * reads the language once, from whichever request created the session; a session made by a request that said no
 * language (seen on CI: a Russian browser's page came up in English) or a browser switched to another language
 * afterwards would otherwise keep the wrong one for the session's whole life.
 */
@Component
class BrowserLanguage implements VaadinServiceInitListener {

    private static final String CHOSEN = BrowserLanguage.class.getName() + ".chosen";
    private static final Locale RUSSIAN = Locale.of("ru");

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> follow(init.getUI(), VaadinRequest.getCurrent()));
    }

    /** The operator's own choice, kept for this session: browser languages no longer apply. */
    static void choose(UI ui, Locale language) {
        VaadinSession session = ui.getSession();
        session.setAttribute(CHOSEN, Boolean.TRUE);
        session.setLocale(language);
    }

    private static void follow(UI ui, VaadinRequest request) {
        if (request == null || ui.getSession().getAttribute(CHOSEN) != null) {
            return;
        }
        ui.setLocale(of(request));
    }

    /** The first of the browser's languages we have (Accept-Language order), else English. */
    static Locale of(VaadinRequest request) {
        for (Locale asked : Collections.list(request.getLocales())) {
            if (RUSSIAN.getLanguage().equals(asked.getLanguage())) {
                return RUSSIAN;
            }
            if (Locale.ENGLISH.getLanguage().equals(asked.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }
}
