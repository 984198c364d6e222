package dev.darkmaximus.bot;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import dev.darkmaximus.bot.persistence.BotSessions;
import dev.darkmaximus.support.SupportService;
import dev.darkmaximus.support.TicketView;

/** The customer's side of support in chat (SPEC §8, §12): open or continue the ticket, write, close. */
@Component
class SupportFlow {

    private static final int SHOWN_MESSAGES = 5;

    private final SupportService support;
    private final BotSessions sessions;
    private final Clock clock;

    SupportFlow(SupportService support, BotSessions sessions, Clock clock) {
        this.support = support;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Shows the open ticket (its last messages) or asks for the first message; what they type next goes there. */
    void open(Chat chat) {
        sessions.save(chat.customerId(), "support", Map.of(), clock.instant());
        Optional<TicketView> open = support.openTicket(chat.customerId());
        if (open.isEmpty()) {
            chat.show(chat.t("support.new"), Chat.rows(Chat.row(chat.button(chat.t("btn.menu"), Tap.MENU))));
            return;
        }
        TicketView ticket = open.get();
        StringBuilder lines = new StringBuilder();
        List<TicketView.Message> messages = ticket.messages();
        for (TicketView.Message m : messages.subList(Math.max(0, messages.size() - SHOWN_MESSAGES), messages.size())) {
            String text = m.text() != null ? m.text() : chat.t("support.photo");
            lines.append('\n').append(chat.t("support.line." + m.author().toLowerCase(Locale.ROOT),
                    "text", text));
        }
        chat.show(chat.t("support.open", "ticket", ticket.id(), "lines", Chat.html(lines.toString())),
                keyboard(chat, ticket.id()));
    }

    void written(Chat chat, String text, List<String> fileIds) {
        TicketView ticket = support.customerWrites(chat.customerId(), text, fileIds);
        chat.send(chat.t("support.sent", "ticket", ticket.id()), keyboard(chat, ticket.id()));
    }

    /** Closes the customer's own open ticket; a button of an older ticket just reopens the menu. */
    void close(Chat chat, long ticketId) {
        Optional<TicketView> open = support.openTicket(chat.customerId());
        sessions.save(chat.customerId(), null, Map.of(), clock.instant());
        if (open.isPresent() && open.get().id() == ticketId) {
            support.close(ticketId, "customer");
        }
        chat.show(chat.t("support.closed_by_you", "ticket", ticketId),
                Chat.rows(Chat.row(chat.button(chat.t("btn.menu"), Tap.MENU))));
    }

    private static List<InlineKeyboardRow> keyboard(
            Chat chat, long ticketId) {
        return Chat.rows(Chat.row(chat.button(chat.t("btn.support_close"), Tap.SUPPORT_CLOSE, Long.toString(ticketId))),
                Chat.row(chat.button(chat.t("btn.menu"), Tap.MENU)));
    }
}
