package dev.darkmaximus.platform.settings;

import java.util.Map;

/**
 * The settings screen's words in Russian, by setting key: label and help. Kept beside {@link SettingCatalogue} so
 * the English and Russian texts change together; a test fails when a setting has no Russian text.
 */
final class SettingCatalogueRu {

    static final Map<String, String[]> TEXTS = Map.ofEntries(
            text(ShopSettings.SHOP_NAME, "Название магазина", "Как магазин называют бот и Mini App."),
            text(ShopSettings.BOT_USERNAME, "Имя бота", "@username бота без @, для реферальных ссылок."),
            text(ShopSettings.MINIAPP_URL, "Адрес Mini App",
                    "Публичный адрес Mini App для кнопки «Открыть приложение» в боте; пусто — кнопки нет."),
            text(ShopSettings.SUPPORT_CONTACT, "Контакт поддержки",
                    "Где клиент найдёт человека (@username или ссылка); показывается в помощи и отказах."),
            text(ShopSettings.TIME_ZONE, "Часовой пояс", "Часовой пояс магазина для дат, которые видят клиенты и сотрудники."),
            text(ShopSettings.MAINTENANCE, "Техническое обслуживание",
                    "Клиенты видят текст «скоро вернёмся» (шаблон shop.maintenance) в боте и Mini App; сотрудники, "
                            + "платежи и уже купленные ключи продолжают работать."),
            text(ShopSettings.TERMS_REQUIRED, "Нужно принять условия",
                    "Новые клиенты принимают условия и политику конфиденциальности, прежде чем пользоваться ботом."),
            text(ShopSettings.TERMS_URL, "Ссылка на условия", "Страница с условиями и политикой конфиденциальности."),
            text(ShopSettings.REQUIRED_CHANNEL, "Обязательный канал",
                    "Канал, на который клиент должен подписаться, чтобы пользоваться ботом (@username или числовой "
                            + "id); пусто — не нужен."),
            text(ShopSettings.REQUIRED_CHANNEL_LINK, "Ссылка на канал",
                    "Ссылка-приглашение на кнопке «Подписаться»; пусто — ссылка t.me публичного канала."),
            text(ShopSettings.TRIAL_ENABLED, "Пробный период", "Новый клиент может один раз взять бесплатный ключ."),
            text(ShopSettings.TRIAL_DAYS, "Дней пробного периода", "Сколько действует пробный ключ."),
            text(ShopSettings.TRIAL_TRAFFIC_GB, "Трафик пробного ключа, ГБ",
                    "Лимит трафика пробного ключа; 0 — без ограничений."),
            text(ShopSettings.TRIAL_HOST_ID, "Сервер пробных ключей",
                    "На каком сервере создаются пробные ключи; пусто — клиент выбирает из включённых серверов."),
            text(ShopSettings.PUBLIC_URL, "Публичный адрес",
                    "Публичный https-адрес магазина (этого бэкенда), например https://vpn.example.com: у ключей "
                            + "появляется страница /s/…, которую импортируют VPN-приложения, и кнопки «в один тап». "
                            + "Пусто — адрес Mini App; без обоих клиенты получают только ссылку и QR-код."),
            text(ShopSettings.VPN_APPS, "VPN-приложения",
                    "Приложения, для которых показываются кнопки «в один тап», в этом порядке: JSON-список "
                            + "{id, name, platforms, link, download}. В ссылке {url} — адрес подписки ({url_encoded}, "
                            + "{url_base64} и {name_encoded} — в нужном приложению виде). Пусто — встроенный список "
                            + "(docs/connect.md)."),
            text(ShopSettings.SUBSCRIPTION_UPDATE_HOURS, "Обновление в приложениях, часов",
                    "Как часто VPN-приложения перечитывают подписку ключа (передаётся им как profile-update-interval)."),
            text(ShopSettings.REFERRAL_ENABLED, "Реферальная программа",
                    "Клиенты получают вознаграждение с покупок приглашённых."),
            text(ShopSettings.REFERRAL_PERCENT, "Вознаграждение, %",
                    "Доля пригласившего с каждой оплаченной покупки приглашённого, в процентах."),
            text(ShopSettings.REFERRAL_FIRST_DISCOUNT, "Скидка на первую покупку, %",
                    "Скидка приглашённому клиенту на первую покупку."),
            text(ShopSettings.REFERRAL_WITHDRAWAL_MIN, "Минимальный вывод",
                    "Наименьшая сумма вывода реферальных начислений, в копейках."),
            text(ShopSettings.REFERRAL_TRANSFER, "Перевод на баланс",
                    "Клиенты сами могут переводить реферальные начисления на основной баланс."),
            text(ShopSettings.methodEnabledKey("yookassa"), "ЮKassa",
                    "Принимать оплату картой и через СБП в ЮKassa (нужны и её реквизиты)."),
            text(ShopSettings.YOOKASSA_SHOP_ID, "Shop ID ЮKassa",
                    "Используется вместе с секретным ключом; пока одно из двух пусто, действуют настройки сервера."),
            text(ShopSettings.YOOKASSA_SECRET_KEY, "Секретный ключ ЮKassa",
                    "Секретный ключ магазина (test_… для тестового); хранится зашифрованным и не показывается."),
            text(ShopSettings.RECEIPTS, "Чеки ЮKassa", "Платежи передают данные для чека по 54-ФЗ."),
            text(ShopSettings.RECEIPT_VAT_CODE, "Код НДС в чеке", "Код НДС ЮKassa для позиций чека (1 — без НДС)."),
            text(ShopSettings.RECEIPT_EMAIL, "E-mail для чеков",
                    "Куда отправлять чеки, если клиент не оставил e-mail или телефон."),
            text(ShopSettings.methodEnabledKey("stars"), "Telegram Stars", "Принимать оплату в Telegram Stars."),
            text(ShopSettings.methodEnabledKey("cryptobot"), "Оплата через CryptoBot",
                    "Принимать оплату криптовалютой через CryptoBot (нужен и его токен). Криптоплатежи возвращаются "
                            + "только на баланс: у CryptoBot нет возвратов."),
            text(ShopSettings.CRYPTOBOT_TOKEN, "Токен CryptoBot",
                    "Токен Crypto Pay API вашего приложения в @CryptoBot (Crypto Pay → Мои приложения); хранится "
                            + "зашифрованным и не показывается. Пусто — действуют настройки сервера."),
            text(ShopSettings.CRYPTOBOT_ASSETS, "Монеты CryptoBot",
                    "Какие монеты принимает счёт, через запятую, например USDT,TON,BTC. Цены остаются в рублях, "
                            + "CryptoBot пересчитывает их по своему курсу."),
            text(ShopSettings.CRYPTOBOT_TESTNET, "Тестовая сеть CryptoBot",
                    "Выставлять счета в тестовой сети CryptoBot (@CryptoTestnetBot, тестовые монеты) вместо "
                            + "настоящей; токен должен быть от тестового приложения."),
            text(ShopSettings.methodEnabledKey("bank_transfer"), "Банковский перевод",
                    "Принимать оплату банковским переводом: клиенту показываются инструкции ниже, а заказ ждёт, пока "
                            + "администратор не подтвердит поступление денег (Транзакции → платёж)."),
            text(ShopSettings.TRANSFER_INSTRUCTIONS, "Инструкции для перевода",
                    "Что видит клиент, выбравший банковский перевод: реквизиты магазина. Ниже добавляются номер "
                            + "заказа и сумма с просьбой указать номер заказа в назначении платежа."),
            text(ShopSettings.TRANSFER_DAYS, "Ожидание перевода, дней",
                    "Сколько дней заказ с оплатой переводом ждёт денег, прежде чем истечь (перевод, пришедший "
                            + "позже, администратор всё равно может подтвердить)."),
            text(ShopSettings.methodEnabledKey("balance"), "Оплата с баланса", "Клиенты могут платить с баланса."),
            text(ShopSettings.TOPUP_MIN, "Минимальное пополнение",
                    "Наименьшее пополнение баланса, в копейках; не больше максимального."),
            text(ShopSettings.TOPUP_MAX, "Максимальное пополнение", "Наибольшее пополнение баланса, в копейках."),
            text(ShopSettings.ADJUSTMENT_MAX, "Максимальная корректировка баланса",
                    "Наибольшая разовая корректировка баланса администратором, в плюс или в минус, в копейках."),
            text(ShopSettings.ORDER_EXPIRY, "Срок жизни заказа", "Сколько неоплаченный заказ держит цену."),
            text(ShopSettings.PENDING_RECHECK_AFTER, "Перепроверка платежей через",
                    "Платёж, который столько времени ждёт подтверждения, перепроверяется у платёжной системы."),
            text(ShopSettings.REMINDER_OFFSETS, "Напоминания за",
                    "За сколько до окончания ключа приходят напоминания, например 72h,24h,1h."),
            text(ShopSettings.RENEWAL_WINDOW, "Окно автопродления",
                    "За сколько до окончания ключа автопродление может списать деньги с баланса."),
            text(ShopSettings.SUPPORT_FORUM_ID, "Группа поддержки",
                    "Группа-форум операторов, по теме на обращение; пусто — ответы только в админке."),
            text(ShopSettings.SUPPORT_SLA, "Время ответа поддержки",
                    "Сколько клиент может ждать ответа, прежде чем операторам придёт напоминание."),
            text(ShopSettings.SYNC_INTERVAL, "Интервал синхронизации", "Как часто ключи сверяются с панелями."),
            text(ShopSettings.GRACE_DELETE, "Удалять давно истёкшие ключи",
                    "Ключи, истёкшие дольше льготного срока, удаляются с панели и архивируются."),
            text(ShopSettings.GRACE_PERIOD, "Льготный срок", "Сколько истёкший ключ остаётся на панели."),
            text(ShopSettings.SELL_WHILE_PANEL_DOWN, "Продавать, пока панель недоступна",
                    "Продолжать продавать тарифы сервера, чья панель не отвечает, предупреждая клиентов, что ключ "
                            + "может готовиться дольше; выключено — такие серверы убираются из витрины, пока панель "
                            + "не ответит."),
            text(ShopSettings.PROVISIONING_NOTICE_AFTER, "Сообщать о задержке ключа через",
                    "Если ключ готовится дольше этого после покупки, клиенту честно говорят об этом, а админы "
                            + "получают одно уведомление."),
            text(ShopSettings.BOT_FLOOD_PER_MINUTE, "Сообщений боту в минуту",
                    "Сколько сообщений клиент может отправить боту за минуту, прежде чем его попросят не спешить."),
            text(ShopSettings.ADMIN_CHAT_ID, "Чат админов",
                    "Чат Telegram для уведомлений админам (платежи, ошибки); пусто — не отправлять."),
            text(ShopSettings.LOG_CHAT_ID, "Чат журнала",
                    "Чат Telegram для ошибок бэкенда (и предупреждений — по уровню ниже), сгруппированных и "
                            + "ограниченных по частоте; пусто — не отправлять."),
            text(ShopSettings.LOG_CHAT_LEVEL, "Уровень чата журнала",
                    "Наименее важный уровень, который попадает в чат журнала: WARN или ERROR."),
            text(ShopSettings.BACKUP_ENABLED, "Резервные копии по расписанию",
                    "Бэкенд сохраняет копию базы данных по расписанию (docs/ops/backup.md)."),
            text(ShopSettings.BACKUP_INTERVAL, "Интервал копий", "Время между двумя резервными копиями."),
            text(ShopSettings.BACKUP_KEEP, "Хранить копий", "Сколько копий хранить; более старые удаляются."),
            text(ShopSettings.BACKUP_DIRECTORY, "Папка для копий",
                    "Куда на диске бэкенда пишутся копии; пусто — backups/ в папке данных."),
            text(ShopSettings.BACKUP_TO_ADMIN_CHAT, "Отправлять копии в чат админов",
                    "Каждая копия ещё и отправляется в чат админов файлом, если она меньше 50 МБ (лимит Telegram). "
                            + "Тогда в чате — все данные магазина: держите его закрытым."),
            text(ShopSettings.ADMIN_UI_URL, "Адрес админки",
                    "Адрес админки для ссылок из меню админа в боте; пусто — без ссылки."));

    private SettingCatalogueRu() {
    }

    private static Map.Entry<String, String[]> text(String key, String label, String description) {
        return Map.entry(key, new String[] {label, description});
    }
}
