package dev.darkmaximus.notify;

import java.util.List;

import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import dev.darkmaximus.platform.telegram.BotApiClient;

/** One broadcast message as Telegram gets it: HTML text, or an image with the text as caption, and URL buttons. */
@Component
class BroadcastMessages {

    private final BotApiClient api;

    BroadcastMessages(BotApiClient api) {
        this.api = api;
    }

    /** Sends to one chat; Telegram's refusals surface as {@code TelegramBotApi}'s exceptions. */
    Long send(long chatId, BroadcastView broadcast) {
        InlineKeyboardMarkup keyboard = keyboard(broadcast.buttons());
        if (broadcast.imageFileId() != null) {
            return (long) api.execute(SendPhoto.builder().chatId(chatId).photo(new InputFile(broadcast.imageFileId()))
                    .caption(broadcast.text()).parseMode("HTML").replyMarkup(keyboard).build()).getMessageId();
        }
        return (long) api.execute(SendMessage.builder().chatId(chatId).text(broadcast.text()).parseMode("HTML")
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .replyMarkup(keyboard).build()).getMessageId();
    }

    private static InlineKeyboardMarkup keyboard(List<BroadcastView.Button> buttons) {
        if (buttons.isEmpty()) {
            return null;
        }
        return new InlineKeyboardMarkup(buttons.stream()
                .map(b -> new InlineKeyboardRow(InlineKeyboardButton.builder().text(b.text()).url(b.url()).build()))
                .toList());
    }
}
