package dev.darkmaximus.miniapp;

/** The Mini App's interface strings in our two languages. */
final class Texts {

    private final boolean russian;

    Texts(String language) {
        this.russian = "ru".equals(language);
    }

    String language() {
        return russian ? "ru" : "en";
    }

    String loading() {
        return russian ? "Загрузка…" : "Loading…";
    }

    String greeting(String name) {
        return russian ? "Здравствуйте, " + name + "! Выберите тариф." : "Hello, " + name + "! Pick a plan.";
    }

    String emptyCatalog() {
        return russian ? "Тарифов пока нет. Загляните позже." : "No plans on sale yet. Please check back later.";
    }

    String keysMayBeDelayed() {
        return russian ? "Сервер этой локации сейчас не отвечает: новый ключ может готовиться дольше обычного."
                : "This location's server isn't answering right now: a new key may take longer than usual.";
    }

    String termsNeeded() {
        return russian ? "Сначала примите условия магазина." : "First, please accept the shop's terms.";
    }

    String readTerms() {
        return russian ? "Прочитать условия" : "Read the terms";
    }

    String acceptTerms() {
        return russian ? "Принимаю условия" : "I accept the terms";
    }

    String channelNeeded() {
        return russian ? "Чтобы продолжить, подпишитесь на канал магазина." : "To go on, join the shop's channel.";
    }

    String openChannel() {
        return russian ? "Открыть канал" : "Open the channel";
    }

    String joinedChannel() {
        return russian ? "Я подписался" : "I've joined";
    }

    String openFromTelegram() {
        return russian ? "Откройте приложение из Telegram." : "Please open this app from Telegram.";
    }

    String tabSupport() {
        return russian ? "Поддержка" : "Support";
    }

    String supportNew() {
        return russian ? "Опишите вопрос — оператор ответит здесь и в чате с ботом."
                : "Describe your question; an operator will answer here and in the bot's chat.";
    }

    String supportOpen(String ticket) {
        return russian ? "Обращение №" + ticket + " открыто." : "Ticket #" + ticket + " is open.";
    }

    String supportPlaceholder() {
        return russian ? "Ваше сообщение" : "Your message";
    }

    String supportSend() {
        return russian ? "Отправить" : "Send";
    }

    String supportClose() {
        return russian ? "Закрыть обращение" : "Close the ticket";
    }

    String supportCloseConfirm() {
        return russian ? "Закрыть обращение? Написать снова можно в любой момент."
                : "Close the ticket? You can always write again.";
    }

    String settings() {
        return russian ? "Настройки" : "Settings";
    }

    String autoRenewDefault() {
        return russian ? "Продлевать ключи автоматически с баланса" : "Renew keys automatically from the balance";
    }

    String retry() {
        return russian ? "Повторить" : "Try again";
    }

    String share() {
        return russian ? "Поделиться ссылкой" : "Share the link";
    }

    String shareText() {
        return russian ? "Быстрый VPN в Telegram — по моей ссылке скидка на первую покупку"
                : "Fast VPN right in Telegram: my link gives you a discount on your first purchase";
    }

    String history() {
        return russian ? "История операций" : "History";
    }

    String historyEmpty() {
        return russian ? "Операций пока нет." : "No transactions yet.";
    }

    String ledgerKind(String kind) {
        if (kind == null) {
            return "";
        }
        return switch (kind) {
            case "TOP_UP" -> russian ? "Пополнение" : "Top-up";
            case "PURCHASE" -> russian ? "Покупка" : "Purchase";
            case "RENEWAL" -> russian ? "Автопродление" : "Auto-renewal";
            case "REFUND" -> russian ? "Возврат" : "Refund";
            case "REFERRAL_REWARD" -> russian ? "Реферальное вознаграждение" : "Referral reward";
            case "PROMO_BONUS" -> russian ? "Бонус по промокоду" : "Promo bonus";
            case "ADMIN_ADJUSTMENT" -> russian ? "Корректировка" : "Adjustment";
            case "WITHDRAWAL" -> russian ? "Вывод" : "Withdrawal";
            case "TRANSFER" -> russian ? "Перевод" : "Transfer";
            default -> kind;
        };
    }

    String offline() {
        return russian ? "Нет подключения к интернету — покажем свежие данные, как только оно вернётся."
                : "You're offline — we'll show fresh data as soon as the connection is back.";
    }

    String networkError() {
        return russian ? "Нет связи с сервером. Попробуйте ещё раз." : "Can't reach the server. Please try again.";
    }

    String unlimited() {
        return russian ? "Безлимит" : "Unlimited";
    }

    String gigabytes(int gb) {
        return gb + (russian ? " ГБ" : " GB");
    }

    String devices(int count) {
        if (count == 0) {
            return russian ? "без лимита устройств" : "any number of devices";
        }
        return russian ? "устройств: " + count : count + (count == 1 ? " device" : " devices");
    }

    String tabCatalog() {
        return russian ? "Тарифы" : "Plans";
    }

    String tabKeys() {
        return russian ? "Мои ключи" : "My keys";
    }

    String noKeys() {
        return russian ? "Ключей пока нет." : "You have no keys yet.";
    }

    String trialOffer() {
        return russian ? "Попробуйте VPN бесплатно." : "Try the VPN for free.";
    }

    String takeTrial() {
        return russian ? "Получить пробный ключ" : "Get a trial key";
    }

    String trial() {
        return russian ? "пробный" : "trial";
    }

    String keyStatus(String status, long daysLeft) {
        return switch (status) {
            case "provisioning" -> russian ? "Готовится… Мы пришлём сообщение, когда ключ будет готов."
                    : "Being prepared… We'll message you when it's ready.";
            case "failed" -> russian ? "Не удалось подготовить ключ — мы уже разбираемся."
                    : "We couldn't prepare this key yet — we're on it.";
            case "expired" -> russian ? "Срок истёк" : "Expired";
            case "disabled" -> russian ? "Отключён администратором" : "Switched off by the shop";
            default -> daysLeft < 0 ? (russian ? "Активен" : "Active")
                    : russian ? "Активен · осталось дней: " + daysLeft
                    : "Active · " + daysLeft + (daysLeft == 1 ? " day left" : " days left");
        };
    }

    String traffic(String used, String limit) {
        return limit == null ? (russian ? "Трафик: " + used + " ГБ из ∞" : "Traffic: " + used + " GB of ∞")
                : (russian ? "Трафик: " + used + " из " + limit + " ГБ" : "Traffic: " + used + " of " + limit + " GB");
    }

    String link() {
        return russian ? "Ссылка" : "Link";
    }

    String subscription() {
        return russian ? "Подписка" : "Subscription";
    }

    String copy() {
        return russian ? "Копировать" : "Copy";
    }

    String copied() {
        return russian ? "Скопировано" : "Copied";
    }

    String showQr() {
        return russian ? "Показать QR-код" : "Show QR code";
    }

    String autoRenew() {
        return russian ? "Продлевать автоматически с баланса" : "Renew automatically from my balance";
    }

    String promoPlaceholder() {
        return russian ? "Промокод" : "Promo code";
    }

    String applyPromo() {
        return russian ? "Применить" : "Apply";
    }

    String pay() {
        return russian ? "Оплатить" : "Pay";
    }

    String buy() {
        return russian ? "Купить" : "Buy";
    }

    String methodName(String method) {
        return switch (method) {
            case "YOOKASSA" -> russian ? "Картой / СБП" : "Card / SBP";
            case "STARS" -> "Telegram Stars";
            case "CRYPTOBOT" -> russian ? "Криптовалютой (CryptoBot)" : "Crypto (CryptoBot)";
            case "BANK_TRANSFER" -> russian ? "Банковским переводом" : "Bank transfer";
            case "BALANCE" -> russian ? "С баланса" : "From balance";
            default -> method;
        };
    }

    String transferOrder(String order, String amount) {
        return russian ? "Заказ №" + order + ": " + amount + ". В назначении платежа укажите «Заказ " + order
                + "». Ключ появится, как только мы увидим перевод."
                : "Order #" + order + ": " + amount + ". Put \"Order " + order + "\" in the payment purpose. "
                + "Your key appears as soon as we see the transfer.";
    }

    String savedCards() {
        return russian ? "Сохранённые карты" : "Saved cards";
    }

    String savedCardsHint() {
        return russian ? "Ключи с автопродлением сначала оплачиваются с карты, затем с баланса."
                : "Keys set to renew are charged to the card first, then to your balance.";
    }

    String removeCard() {
        return russian ? "Удалить" : "Remove";
    }

    String noPaymentMethods() {
        return russian ? "Оплата сейчас недоступна." : "Payments are not available right now.";
    }

    String basePrice() {
        return russian ? "Цена" : "Price";
    }

    String promoDiscount() {
        return russian ? "Скидка по промокоду" : "Promo discount";
    }

    String referralDiscount() {
        return russian ? "Скидка за приглашение" : "Invitation discount";
    }

    String bonusDays(int days) {
        return russian ? "+" + days + " дн. в подарок" : "+" + days + " bonus days";
    }

    String total() {
        return russian ? "К оплате" : "Total";
    }

    String waitingForPayment() {
        return russian ? "Ждём подтверждения оплаты…" : "Waiting for the payment to be confirmed…";
    }

    String paymentSucceeded() {
        return russian ? "Оплачено! Ключ готовится — он появится в «Мои ключи»." : "Paid! Your key is being prepared; it will appear under My keys.";
    }

    String paymentNotCompleted() {
        return russian ? "Оплата не завершена. Можно попробовать ещё раз." : "The payment was not completed. You can try again.";
    }

    String topUp() {
        return russian ? "Пополнить баланс" : "Top up the balance";
    }

    String topUpPlaceholder() {
        return russian ? "Сумма в рублях, например 500" : "Amount in roubles, e.g. 500";
    }

    String extend() {
        return russian ? "Продлить" : "Extend";
    }

    String rename() {
        return russian ? "Переименовать" : "Rename";
    }

    String renameSave() {
        return russian ? "Сохранить" : "Save";
    }

    String renamePlaceholder() {
        return russian ? "Например, «Телефон»" : "e.g. Phone";
    }

    String tabBalance() {
        return russian ? "Профиль" : "Profile";
    }

    String balanceLine(String main, String referral) {
        return russian ? "На балансе: " + main + " · реферальный счёт: " + referral
                : "Balance: " + main + " · referral earnings: " + referral;
    }

    String referralLine(int invitees, int percent) {
        return russian ? "Приглашено: " + invitees + ". Вы получаете " + percent + " % с их покупок."
                : "Invited: " + invitees + ". You get " + percent + " % of their purchases.";
    }

    String toppedUp() {
        return russian ? "Оплачено! Баланс пополнен." : "Paid! Your balance has been topped up.";
    }

    String connect() {
        return russian ? "📲 Подключить в один тап" : "📲 Connect in one tap";
    }

    String addTo(String app) {
        return (russian ? "Добавить в " : "Add to ") + app;
    }

    String getApp(String app) {
        return (russian ? "Скачать " : "Get ") + app;
    }

    String noApps() {
        return russian ? "Для этого устройства приложений в списке нет: скопируйте ссылку ниже в своё VPN-приложение."
                : "No listed app for this device: copy the link below into your VPN app.";
    }

    String inviteFriends() {
        return russian ? "🎁 Пригласите друзей" : "🎁 Invite friends";
    }

    String chooseTrialHost() {
        return russian ? "Выберите сервер для пробного ключа:" : "Choose the server for your trial key:";
    }

    /** A name given in two forms (a host's): the English one for English readers where there is one. */
    String pick(String name, String nameEn) {
        return !russian && nameEn != null && !nameEn.isEmpty() ? nameEn : name;
    }

    /** How to connect on this device, in three steps (the device's own words for its VPN permission). */
    String connectSteps(String platform) {
        String allow = switch (platform) {
            case "android" -> russian ? "разрешите VPN-подключение" : "allow the VPN connection";
            case "ios", "macos" -> russian ? "разрешите добавить конфигурацию VPN" : "allow adding the VPN configuration";
            default -> russian ? "включите подключение в приложении" : "switch the connection on in the app";
        };
        return russian ? "1. Нет приложения — сначала скачайте его. 2. Нажмите «Добавить в …»: приложение откроется с "
                + "ключом. 3. Нажмите «Подключить» и " + allow + "."
                : "1. No app yet? Get it first. 2. Tap \"Add to …\": the app opens with the key. 3. Tap Connect and "
                + allow + ".";
    }
}
