package dev.darkmaximus.notify;

import java.util.List;

/** What an admin composes: the message (Telegram HTML, optional image and URL buttons) and its audience. */
public record BroadcastCommand(String text, String imageFileId, List<BroadcastView.Button> buttons,
                               BroadcastAudience audience) {
}
