package dev.darkmaximus.payment.cards;

/**
 * The words a customer agrees to when they save their card, shown by the bot and the Mini App (from the API) and
 * stored with the consent exactly as shown.
 */
public final class CardConsent {

    private static final String RU = "Сохранить карту для автопродления: магазин сам спишет цену тарифа с этой карты, "
            + "чтобы продлить ключи с включённым автопродлением перед окончанием срока. Карту можно удалить в любой "
            + "момент в профиле.";
    private static final String EN = "Save the card for auto-renewal: the shop charges this card the plan's price to "
            + "renew keys set to renew before they expire. You can remove the card at any time in your profile.";

    private CardConsent() {
    }

    /** The consent in the customer's language (Russian, else English). */
    public static String text(String language) {
        return "ru".equals(language(language)) ? RU : EN;
    }

    static String language(String language) {
        return "ru".equals(language) ? "ru" : "en";
    }
}
