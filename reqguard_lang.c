/*
 * reqguard_lang.c - the visitor's texts of a diagnostic body, one table
 * per language.  Pure: APR and plain values only.
 *
 * The texts are written without double quotes, backslashes, '<', '>' and
 * '&', so they are valid as they stand in HTML, JSON strings and plain
 * text (the renderer escapes only what varies).  English is the reference;
 * every other table has every key, none left in English by accident
 * (tests/unit/test_lang.c).  Apostrophes are typographic (U+2019).  French
 * puts a no-break space before ':' and a narrow no-break space before ';',
 * '?' and '!'.  The register is the polite one of each language's web
 * sites: German Sie, French vous, Spanish usted, Italian Lei, Dutch u,
 * Portuguese without tu or você (read alike in Portugal and Brazil),
 * Polish the plain imperative without gendered verb forms.
 */
#include "reqguard_lang.h"

#define RG_NBSP  "\xC2\xA0"         /* U+00A0 NO-BREAK SPACE */
#define RG_NNBSP "\xE2\x80\xAF"     /* U+202F NARROW NO-BREAK SPACE */

static const char *const rg_msgs_en[RG_M_COUNT] = {
    [RG_M_ERROR] = "Error",
    [RG_M_WHAT_YOU_CAN_DO] = "What you can do",
    [RG_M_DETAILS] = "Details",
    [RG_M_STATUS] = "Status",
    [RG_M_HEADER_FIELD] = "Header field",
    [RG_M_FIELD] = "Field",
    [RG_M_PATH] = "Path",
    [RG_M_REQUEST_ID] = "Request id",
    [RG_M_TIME] = "Time",
    [RG_M_COOKIES] = "Cookies",
    [RG_M_RELOAD] =
        "This site has just asked your browser to delete the cookies that "
        "made the request too large, so the page should work now when you "
        "reload it. You may have to sign in again.",
    [RG_M_RELOAD_LINK] = "Reload the page",

    [RG_M_FIELDS_WHAT] =
        "The request carries more header fields than this site accepts.",
    [RG_M_FIELDS_VISITOR] =
        "A browser extension, proxy or program may be adding header fields "
        "to your requests. Disable it, or try another browser, and reload.",
    [RG_M_FIELD_SIZE_WHAT] = "A header field of the request is too large.",
    [RG_M_FIELD_SIZE_PRE] = "The ",
    [RG_M_FIELD_SIZE_POST] = " header field of the request is too large.",
    [RG_M_COOKIE_PRE] =
        "The cookies this site has stored in your browser have grown too "
        "large: the ",
    [RG_M_COOKIE_POST_SITE] =
        " header field that carries them is larger than this site accepts.",
    [RG_M_COOKIE_POST_SERVER] =
        " header field that carries them is larger than this server "
        "accepts.",
    [RG_M_HEADER_SIZE_WHAT] =
        "The header fields of the request are too large taken together.",
    [RG_M_HEADER_SIZE_VISITOR] =
        "This is most often caused by cookies piling up: clear the cookies "
        "this site has stored in your browser, then reload the page.",
    [RG_M_URI_WHAT] = "The address (URL) of the request is too long.",
    [RG_M_ADDRESS_VISITOR] =
        "Check the link you followed or the address you typed. Start again "
        "from the home page of the site, or ask whoever gave you the link "
        "for a shorter one.",
    [RG_M_QUERY_WHAT] =
        "The query part of the address (after the question mark) is too "
        "long.",
    [RG_M_QUERY_VISITOR] =
        "If a form or a search produced this address, send fewer or "
        "shorter values. Otherwise start again from the home page of the "
        "site.",
    [RG_M_BODY_WHAT] =
        "The data sent with the request, such as an uploaded file or a "
        "form, is larger than this site accepts.",
    [RG_M_BODY_VISITOR] =
        "Send a smaller file or less data, for example by compressing, "
        "resizing or splitting it.",
    [RG_M_LENGTH_WHAT] =
        "The request sent data without announcing its size "
        "(Content-Length), and this site requires the size.",
    [RG_M_LENGTH_VISITOR] =
        "Browsers always announce the size. If you use a program or a "
        "script, make it send a Content-Length header field instead of "
        "chunked transfer coding.",
    [RG_M_TIMEOUT_WHAT] =
        "The data sent with the request arrived too slowly or stopped "
        "arriving.",
    [RG_M_TIMEOUT_VISITOR] =
        "Check your network connection and try again; a slow or "
        "interrupted upload causes this.",
    [RG_M_CORE_SIZE_WHAT] =
        "A header field of the request is larger than this server accepts.",
    [RG_M_CORE_SIZE_PRE] = "The ",
    [RG_M_CORE_SIZE_POST] =
        " header field of the request is larger than this server accepts.",
    [RG_M_CORE_FIELDS_WHAT] =
        "The request carries more header fields than this server accepts.",

    [RG_M_ADVICE_NONE] =
        "A browser extension, proxy or program may have added a large "
        "header field. If you use one, disable it; otherwise clear the "
        "cookies this site has stored in your browser, then reload the "
        "page.",
    [RG_M_ADVICE_COOKIE] =
        "Clear the cookies this site has stored in your browser (in the "
        "site settings or privacy settings of the browser), then reload "
        "the page. You may have to sign in again.",
    [RG_M_ADVICE_AUTH] =
        "Sign out and sign in again. If that does not help, clear the "
        "cookies and stored data of this site in your browser.",
    [RG_M_ADVICE_REFERER] =
        "Open the site directly, by typing its address, instead of "
        "following the link.",
    [RG_M_ADVICE_OTHER] =
        "A browser extension, proxy or program may have added this header "
        "field. Disable it, or try another browser, and reload.",

    [RG_M_LATER] =
        "Try again in a few minutes. If it keeps happening, tell the site "
        "owner and quote the request id below.",
    [RG_M_GO_BACK] = "Go back and try again from the page you came from.",
    [RG_M_S400_WHAT] = "The server could not understand the request.",
    [RG_M_S400_VISITOR] =
        "Check the address. If you use a program, check the request it "
        "sends.",
    [RG_M_S401_WHAT] = "This address needs you to sign in.",
    [RG_M_S401_VISITOR] =
        "Sign in with a valid account, or check your user name and "
        "password.",
    [RG_M_S403_WHAT] = "You do not have permission to open this address.",
    [RG_M_S403_VISITOR] =
        "If you think you should have access, contact the site owner and "
        "quote the request id below.",
    [RG_M_S404_WHAT] = "There is no page at this address.",
    [RG_M_S404_VISITOR] =
        "Check the address for typing errors, or start again from the home "
        "page of the site.",
    [RG_M_S405_WHAT] = "This kind of request is not allowed at this address.",
    [RG_M_S408_WHAT] = "The server stopped waiting for the request to arrive.",
    [RG_M_S408_VISITOR] = "Check your network connection and try again.",
    [RG_M_S410_WHAT] = "The page at this address has been removed for good.",
    [RG_M_S410_VISITOR] = "Start again from the home page of the site.",
    [RG_M_S411_WHAT] = "The request sent data without announcing its size.",
    [RG_M_S411_VISITOR] =
        "If you use a program or a script, make it send a Content-Length "
        "header field.",
    [RG_M_S413_WHAT] =
        "The data sent with the request is larger than this site accepts.",
    [RG_M_S413_VISITOR] = "Send a smaller file or less data.",
    [RG_M_S429_WHAT] = "Too many requests have been sent in a short time.",
    [RG_M_S429_VISITOR] = "Wait a moment before trying again.",
    [RG_M_S431_WHAT] = "The header fields of the request are too large.",
    [RG_M_S500_WHAT] =
        "The server ran into an unexpected problem and could not complete "
        "the request.",
    [RG_M_S501_WHAT] = "The server does not support this kind of request.",
    [RG_M_S502_WHAT] =
        "A server this site relies on sent an invalid response.",
    [RG_M_S503_WHAT] =
        "The site is unavailable for the moment, for maintenance or because "
        "it is overloaded.",
    [RG_M_S504_WHAT] = "A server this site relies on did not answer in time.",
    [RG_M_S5XX_WHAT] = "The server could not complete the request.",
    [RG_M_S4XX_WHAT] = "The request could not be completed.",
    [RG_M_S4XX_VISITOR] =
        "Check the address and try again, or start again from the home page "
        "of the site."
};

static const char *const rg_msgs_de[RG_M_COUNT] = {
    [RG_M_ERROR] = "Fehler",
    [RG_M_WHAT_YOU_CAN_DO] = "Was Sie tun können",
    [RG_M_DETAILS] = "Details",
    [RG_M_STATUS] = "Status",
    [RG_M_HEADER_FIELD] = "Header-Feld",
    [RG_M_FIELD] = "Feld",
    [RG_M_PATH] = "Pfad",
    [RG_M_REQUEST_ID] = "Anfrage-ID",
    [RG_M_TIME] = "Zeit",
    [RG_M_COOKIES] = "Cookies",
    [RG_M_RELOAD] =
        "Diese Website hat Ihren Browser soeben gebeten, die Cookies zu "
        "löschen, durch die die Anfrage zu groß wurde. Wenn Sie die Seite "
        "jetzt neu laden, sollte sie funktionieren. Eventuell müssen Sie "
        "sich erneut anmelden.",
    [RG_M_RELOAD_LINK] = "Seite neu laden",

    [RG_M_FIELDS_WHAT] =
        "Die Anfrage enthält mehr Header-Felder, als diese Website zulässt.",
    [RG_M_FIELDS_VISITOR] =
        "Möglicherweise fügt eine Browser-Erweiterung, ein Proxy oder ein "
        "Programm Ihren Anfragen Header-Felder hinzu. Deaktivieren Sie "
        "solche Erweiterungen oder Programme oder verwenden Sie einen "
        "anderen Browser, und laden Sie die Seite dann neu.",
    [RG_M_FIELD_SIZE_WHAT] = "Ein Header-Feld der Anfrage ist zu groß.",
    [RG_M_FIELD_SIZE_PRE] = "Das Header-Feld ",
    [RG_M_FIELD_SIZE_POST] = " der Anfrage ist zu groß.",
    [RG_M_COOKIE_PRE] =
        "Die Cookies, die diese Website in Ihrem Browser gespeichert hat, "
        "sind zu groß geworden: Das Header-Feld ",
    [RG_M_COOKIE_POST_SITE] =
        ", das sie überträgt, ist größer, als diese Website zulässt.",
    [RG_M_COOKIE_POST_SERVER] =
        ", das sie überträgt, ist größer, als dieser Server zulässt.",
    [RG_M_HEADER_SIZE_WHAT] =
        "Die Header-Felder der Anfrage sind zusammen zu groß.",
    [RG_M_HEADER_SIZE_VISITOR] =
        "Meist liegt das an Cookies, die sich angesammelt haben: Löschen "
        "Sie die Cookies, die diese Website in Ihrem Browser gespeichert "
        "hat, und laden Sie die Seite dann neu.",
    [RG_M_URI_WHAT] = "Die Adresse (URL) der Anfrage ist zu lang.",
    [RG_M_ADDRESS_VISITOR] =
        "Prüfen Sie den Link, dem Sie gefolgt sind, oder die Adresse, die Sie "
        "eingegeben haben. Gehen Sie zur Startseite der Website, oder bitten "
        "Sie die Person, von der Sie den Link haben, um einen kürzeren.",
    [RG_M_QUERY_WHAT] =
        "Der Teil der Adresse nach dem Fragezeichen ist zu lang.",
    [RG_M_QUERY_VISITOR] =
        "Wenn ein Formular oder eine Suche diese Adresse erzeugt hat, senden "
        "Sie weniger oder kürzere Angaben. Gehen Sie andernfalls zur "
        "Startseite der Website.",
    [RG_M_BODY_WHAT] =
        "Die mit der Anfrage gesendeten Daten, etwa eine hochgeladene Datei "
        "oder ein Formular, sind größer, als diese Website zulässt.",
    [RG_M_BODY_VISITOR] =
        "Senden Sie eine kleinere Datei oder weniger Daten, zum Beispiel "
        "indem Sie die Datei komprimieren, verkleinern oder aufteilen.",
    [RG_M_LENGTH_WHAT] =
        "Die Anfrage enthielt Daten ohne Angabe ihrer Größe (Content-Length), "
        "und diese Website verlangt die Größe.",
    [RG_M_LENGTH_VISITOR] =
        "Browser geben die Größe immer an. Wenn Sie ein Programm oder ein "
        "Skript verwenden, lassen Sie es ein Header-Feld Content-Length "
        "senden, statt die Daten in Teilen (chunked) zu übertragen.",
    [RG_M_TIMEOUT_WHAT] =
        "Die mit der Anfrage gesendeten Daten sind zu langsam oder gar "
        "nicht mehr angekommen.",
    [RG_M_TIMEOUT_VISITOR] =
        "Prüfen Sie Ihre Netzwerkverbindung und versuchen Sie es erneut; "
        "die Ursache ist ein langsames oder unterbrochenes Hochladen.",
    [RG_M_CORE_SIZE_WHAT] =
        "Ein Header-Feld der Anfrage ist größer, als dieser Server zulässt.",
    [RG_M_CORE_SIZE_PRE] = "Das Header-Feld ",
    [RG_M_CORE_SIZE_POST] =
        " der Anfrage ist größer, als dieser Server zulässt.",
    [RG_M_CORE_FIELDS_WHAT] =
        "Die Anfrage enthält mehr Header-Felder, als dieser Server zulässt.",

    [RG_M_ADVICE_NONE] =
        "Möglicherweise hat eine Browser-Erweiterung, ein Proxy oder ein "
        "Programm ein großes Header-Feld hinzugefügt. Wenn Sie so etwas "
        "verwenden, deaktivieren Sie es; löschen Sie andernfalls die "
        "Cookies, die diese Website in Ihrem Browser gespeichert hat, und "
        "laden Sie die Seite dann neu.",
    [RG_M_ADVICE_COOKIE] =
        "Löschen Sie die Cookies, die diese Website in Ihrem Browser "
        "gespeichert hat (in den Website-Einstellungen oder den "
        "Datenschutzeinstellungen des Browsers), und laden Sie die Seite "
        "dann neu. Eventuell müssen Sie sich danach erneut anmelden.",
    [RG_M_ADVICE_AUTH] =
        "Melden Sie sich ab und wieder an. Wenn das nicht hilft, löschen "
        "Sie die Cookies und gespeicherten Daten dieser Website in Ihrem "
        "Browser.",
    [RG_M_ADVICE_REFERER] =
        "Öffnen Sie die Website direkt, indem Sie ihre Adresse eingeben, "
        "statt dem Link zu folgen.",
    [RG_M_ADVICE_OTHER] =
        "Möglicherweise hat eine Browser-Erweiterung, ein Proxy oder ein "
        "Programm dieses Header-Feld hinzugefügt. Deaktivieren Sie solche "
        "Erweiterungen oder Programme oder verwenden Sie einen anderen "
        "Browser, und laden Sie die Seite dann neu.",

    [RG_M_LATER] =
        "Versuchen Sie es in ein paar Minuten erneut. Wenn der Fehler "
        "weiterhin auftritt, wenden Sie sich an den Betreiber der Website "
        "und nennen Sie die unten stehende Anfrage-ID.",
    [RG_M_GO_BACK] =
        "Gehen Sie zurück und versuchen Sie es von der vorherigen Seite aus "
        "erneut.",
    [RG_M_S400_WHAT] = "Der Server konnte die Anfrage nicht verstehen.",
    [RG_M_S400_VISITOR] =
        "Prüfen Sie die Adresse. Wenn Sie ein Programm verwenden, prüfen "
        "Sie die Anfrage, die es sendet.",
    [RG_M_S401_WHAT] = "Für diese Adresse müssen Sie sich anmelden.",
    [RG_M_S401_VISITOR] =
        "Melden Sie sich mit einem gültigen Konto an, oder prüfen Sie "
        "Benutzername und Passwort.",
    [RG_M_S403_WHAT] =
        "Sie haben keine Berechtigung, diese Adresse zu öffnen.",
    [RG_M_S403_VISITOR] =
        "Wenn Sie meinen, dass Sie Zugang haben sollten, wenden Sie sich an "
        "den Betreiber der Website und nennen Sie die unten stehende "
        "Anfrage-ID.",
    [RG_M_S404_WHAT] = "Unter dieser Adresse gibt es keine Seite.",
    [RG_M_S404_VISITOR] =
        "Prüfen Sie die Adresse auf Tippfehler, oder gehen Sie zur Startseite "
        "der Website.",
    [RG_M_S405_WHAT] =
        "Diese Art von Anfrage ist unter dieser Adresse nicht erlaubt.",
    [RG_M_S408_WHAT] =
        "Der Server hat aufgehört, auf das Eintreffen der Anfrage zu warten.",
    [RG_M_S408_VISITOR] =
        "Prüfen Sie Ihre Netzwerkverbindung und versuchen Sie es erneut.",
    [RG_M_S410_WHAT] =
        "Die Seite unter dieser Adresse wurde endgültig entfernt.",
    [RG_M_S410_VISITOR] =
        "Gehen Sie zur Startseite der Website.",
    [RG_M_S411_WHAT] =
        "Die Anfrage enthielt Daten ohne Angabe ihrer Größe.",
    [RG_M_S411_VISITOR] =
        "Wenn Sie ein Programm oder ein Skript verwenden, lassen Sie es ein "
        "Header-Feld Content-Length senden.",
    [RG_M_S413_WHAT] =
        "Die mit der Anfrage gesendeten Daten sind größer, als diese "
        "Website zulässt.",
    [RG_M_S413_VISITOR] = "Senden Sie eine kleinere Datei oder weniger Daten.",
    [RG_M_S429_WHAT] = "In kurzer Zeit wurden zu viele Anfragen gesendet.",
    [RG_M_S429_VISITOR] =
        "Warten Sie einen Moment, bevor Sie es erneut versuchen.",
    [RG_M_S431_WHAT] = "Die Header-Felder der Anfrage sind zu groß.",
    [RG_M_S500_WHAT] =
        "Auf dem Server ist ein unerwartetes Problem aufgetreten, daher "
        "konnte die Anfrage nicht ausgeführt werden.",
    [RG_M_S501_WHAT] = "Der Server unterstützt diese Art von Anfrage nicht.",
    [RG_M_S502_WHAT] =
        "Ein Server, auf den diese Website angewiesen ist, hat eine "
        "ungültige Antwort gesendet.",
    [RG_M_S503_WHAT] =
        "Die Website ist im Moment nicht erreichbar, weil sie gewartet wird "
        "oder überlastet ist.",
    [RG_M_S504_WHAT] =
        "Ein Server, auf den diese Website angewiesen ist, hat nicht "
        "rechtzeitig geantwortet.",
    [RG_M_S5XX_WHAT] = "Der Server konnte die Anfrage nicht ausführen.",
    [RG_M_S4XX_WHAT] = "Die Anfrage konnte nicht ausgeführt werden.",
    [RG_M_S4XX_VISITOR] =
        "Prüfen Sie die Adresse und versuchen Sie es erneut, oder gehen Sie "
        "zur Startseite der Website."
        "Sie erneut auf der Startseite der Website."
};

static const char *const rg_msgs_fr[RG_M_COUNT] = {
    [RG_M_ERROR] = "Erreur",
    [RG_M_WHAT_YOU_CAN_DO] = "Ce que vous pouvez faire",
    [RG_M_DETAILS] = "Détails",
    [RG_M_STATUS] = "Statut",
    [RG_M_HEADER_FIELD] = "Champ d’en-tête",
    [RG_M_FIELD] = "Champ",
    [RG_M_PATH] = "Chemin",
    [RG_M_REQUEST_ID] = "Identifiant de la requête",
    [RG_M_TIME] = "Heure",
    [RG_M_COOKIES] = "Cookies",
    [RG_M_RELOAD] =
        "Ce site vient de demander à votre navigateur de supprimer les "
        "cookies qui rendaient la requête trop volumineuse" RG_NNBSP "; la "
        "page devrait donc s’afficher normalement si vous la rechargez "
        "maintenant. Il vous faudra peut-être vous reconnecter.",
    [RG_M_RELOAD_LINK] = "Recharger la page",

    [RG_M_FIELDS_WHAT] =
        "La requête contient plus de champs d’en-tête que ce site n’en "
        "accepte.",
    [RG_M_FIELDS_VISITOR] =
        "Une extension du navigateur, un proxy ou un programme ajoute "
        "peut-être des champs d’en-tête à vos requêtes. Désactivez cette "
        "extension ou ce programme, ou essayez un autre navigateur, puis "
        "rechargez la page.",
    [RG_M_FIELD_SIZE_WHAT] =
        "Un champ d’en-tête de la requête est trop volumineux.",
    [RG_M_FIELD_SIZE_PRE] = "Le champ d’en-tête ",
    [RG_M_FIELD_SIZE_POST] = " de la requête est trop volumineux.",
    [RG_M_COOKIE_PRE] =
        "Les cookies que ce site a enregistrés dans votre navigateur sont "
        "devenus trop volumineux" RG_NBSP ": le champ d’en-tête ",
    [RG_M_COOKIE_POST_SITE] =
        " qui les transporte dépasse la taille acceptée par ce site.",
    [RG_M_COOKIE_POST_SERVER] =
        " qui les transporte dépasse la taille acceptée par ce serveur.",
    [RG_M_HEADER_SIZE_WHAT] =
        "Les champs d’en-tête de la requête sont trop volumineux dans leur "
        "ensemble.",
    [RG_M_HEADER_SIZE_VISITOR] =
        "C’est le plus souvent dû à une accumulation de cookies" RG_NBSP
        ": supprimez les cookies que ce site a enregistrés dans votre "
        "navigateur, puis rechargez la page.",
    [RG_M_URI_WHAT] = "L’adresse (URL) de la requête est trop longue.",
    [RG_M_ADDRESS_VISITOR] =
        "Vérifiez le lien que vous avez suivi ou l’adresse que vous avez "
        "saisie. Recommencez depuis la page d’accueil du site, ou demandez "
        "à la personne qui vous a donné le lien de vous en fournir un plus "
        "court.",
    [RG_M_QUERY_WHAT] =
        "La partie de l’adresse qui suit le point d’interrogation est trop "
        "longue.",
    [RG_M_QUERY_VISITOR] =
        "Si cette adresse a été produite par un formulaire ou une "
        "recherche, envoyez moins de valeurs ou des valeurs plus courtes. "
        "Sinon, recommencez depuis la page d’accueil du site.",
    [RG_M_BODY_WHAT] =
        "Les données envoyées avec la requête, par exemple un fichier ou un "
        "formulaire, dépassent la taille acceptée par ce site.",
    [RG_M_BODY_VISITOR] =
        "Envoyez un fichier plus petit ou moins de données, par exemple en "
        "compressant, en redimensionnant ou en découpant le fichier.",
    [RG_M_LENGTH_WHAT] =
        "La requête contenait des données sans en annoncer la taille "
        "(Content-Length), alors que ce site exige cette information.",
    [RG_M_LENGTH_VISITOR] =
        "Les navigateurs annoncent toujours la taille. Si vous utilisez un "
        "programme ou un script, faites-lui envoyer un champ d’en-tête "
        "Content-Length au lieu d’un transfert par morceaux (chunked).",
    [RG_M_TIMEOUT_WHAT] =
        "Les données envoyées avec la requête sont arrivées trop lentement "
        "ou ont cessé d’arriver.",
    [RG_M_TIMEOUT_VISITOR] =
        "Vérifiez votre connexion réseau et réessayez" RG_NNBSP "; un envoi "
        "lent ou interrompu en est la cause.",
    [RG_M_CORE_SIZE_WHAT] =
        "Un champ d’en-tête de la requête dépasse la taille acceptée par ce "
        "serveur.",
    [RG_M_CORE_SIZE_PRE] = "Le champ d’en-tête ",
    [RG_M_CORE_SIZE_POST] =
        " de la requête dépasse la taille acceptée par ce serveur.",
    [RG_M_CORE_FIELDS_WHAT] =
        "La requête contient plus de champs d’en-tête que ce serveur n’en "
        "accepte.",

    [RG_M_ADVICE_NONE] =
        "Une extension du navigateur, un proxy ou un programme a peut-être "
        "ajouté un champ d’en-tête volumineux. Si vous utilisez un tel "
        "outil, désactivez-le" RG_NNBSP "; sinon, supprimez les cookies que "
        "ce site a enregistrés dans votre navigateur, puis rechargez la "
        "page.",
    [RG_M_ADVICE_COOKIE] =
        "Supprimez les cookies que ce site a enregistrés dans votre "
        "navigateur (dans les paramètres du site ou les paramètres de "
        "confidentialité du navigateur), puis rechargez la page. Il vous "
        "faudra peut-être vous reconnecter.",
    [RG_M_ADVICE_AUTH] =
        "Déconnectez-vous, puis reconnectez-vous. Si cela ne suffit pas, "
        "supprimez les cookies et les données enregistrées de ce site dans "
        "votre navigateur.",
    [RG_M_ADVICE_REFERER] =
        "Ouvrez le site directement, en saisissant son adresse, plutôt "
        "qu’en suivant le lien.",
    [RG_M_ADVICE_OTHER] =
        "Une extension du navigateur, un proxy ou un programme a peut-être "
        "ajouté ce champ d’en-tête. Désactivez cette extension ou ce "
        "programme, ou essayez un autre navigateur, puis rechargez la page.",

    [RG_M_LATER] =
        "Réessayez dans quelques minutes. Si le problème persiste, prévenez "
        "le responsable du site en indiquant l’identifiant de la requête "
        "ci-dessous.",
    [RG_M_GO_BACK] =
        "Revenez en arrière et réessayez depuis la page d’où vous veniez.",
    [RG_M_S400_WHAT] = "Le serveur n’a pas pu comprendre la requête.",
    [RG_M_S400_VISITOR] =
        "Vérifiez l’adresse. Si vous utilisez un programme, vérifiez la "
        "requête qu’il envoie.",
    [RG_M_S401_WHAT] =
        "Vous devez vous connecter pour accéder à cette adresse.",
    [RG_M_S401_VISITOR] =
        "Connectez-vous avec un compte valide, ou vérifiez votre nom "
        "d’utilisateur et votre mot de passe.",
    [RG_M_S403_WHAT] =
        "Vous n’avez pas l’autorisation d’ouvrir cette adresse.",
    [RG_M_S403_VISITOR] =
        "Si vous pensez devoir y avoir accès, contactez le responsable du "
        "site en indiquant l’identifiant de la requête ci-dessous.",
    [RG_M_S404_WHAT] = "Il n’y a aucune page à cette adresse.",
    [RG_M_S404_VISITOR] =
        "Vérifiez que l’adresse ne contient pas de faute de frappe, ou "
        "recommencez depuis la page d’accueil du site.",
    [RG_M_S405_WHAT] =
        "Ce type de requête n’est pas autorisé à cette adresse.",
    [RG_M_S408_WHAT] =
        "Le serveur a cessé d’attendre l’arrivée de la requête.",
    [RG_M_S408_VISITOR] = "Vérifiez votre connexion réseau et réessayez.",
    [RG_M_S410_WHAT] =
        "La page qui se trouvait à cette adresse a été définitivement "
        "supprimée.",
    [RG_M_S410_VISITOR] = "Recommencez depuis la page d’accueil du site.",
    [RG_M_S411_WHAT] =
        "La requête contenait des données sans en annoncer la taille.",
    [RG_M_S411_VISITOR] =
        "Si vous utilisez un programme ou un script, faites-lui envoyer un "
        "champ d’en-tête Content-Length.",
    [RG_M_S413_WHAT] =
        "Les données envoyées avec la requête dépassent la taille acceptée "
        "par ce site.",
    [RG_M_S413_VISITOR] = "Envoyez un fichier plus petit ou moins de données.",
    [RG_M_S429_WHAT] = "Trop de requêtes ont été envoyées en peu de temps.",
    [RG_M_S429_VISITOR] = "Patientez un instant avant de réessayer.",
    [RG_M_S431_WHAT] =
        "Les champs d’en-tête de la requête sont trop volumineux.",
    [RG_M_S500_WHAT] =
        "Le serveur a rencontré un problème inattendu et n’a pas pu traiter "
        "la requête.",
    [RG_M_S501_WHAT] = "Le serveur ne prend pas en charge ce type de requête.",
    [RG_M_S502_WHAT] =
        "Un serveur dont dépend ce site a envoyé une réponse non valide.",
    [RG_M_S503_WHAT] =
        "Le site est momentanément indisponible, pour cause de maintenance "
        "ou de surcharge.",
    [RG_M_S504_WHAT] =
        "Un serveur dont dépend ce site n’a pas répondu à temps.",
    [RG_M_S5XX_WHAT] = "Le serveur n’a pas pu traiter la requête.",
    [RG_M_S4XX_WHAT] = "La requête n’a pas pu aboutir.",
    [RG_M_S4XX_VISITOR] =
        "Vérifiez l’adresse et réessayez, ou recommencez depuis la page "
        "d’accueil du site."
};

static const char *const rg_msgs_es[RG_M_COUNT] = {
    [RG_M_ERROR] = "Error",
    [RG_M_WHAT_YOU_CAN_DO] = "Qué puede hacer",
    [RG_M_DETAILS] = "Detalles",
    [RG_M_STATUS] = "Estado",
    [RG_M_HEADER_FIELD] = "Campo de cabecera",
    [RG_M_FIELD] = "Campo",
    [RG_M_PATH] = "Ruta",
    [RG_M_REQUEST_ID] = "ID de la solicitud",
    [RG_M_TIME] = "Hora",
    [RG_M_COOKIES] = "Cookies",
    [RG_M_RELOAD] =
        "Este sitio acaba de pedir a su navegador que elimine las cookies "
        "que hacían demasiado grande la solicitud, así que la página "
        "debería funcionar si la vuelve a cargar ahora. Es posible que "
        "tenga que volver a iniciar sesión.",
    [RG_M_RELOAD_LINK] = "Volver a cargar la página",

    [RG_M_FIELDS_WHAT] =
        "La solicitud contiene más campos de cabecera de los que admite "
        "este sitio.",
    [RG_M_FIELDS_VISITOR] =
        "Es posible que una extensión del navegador, un proxy o un programa "
        "esté añadiendo campos de cabecera a sus solicitudes. Desactive esa "
        "extensión o programa, o pruebe con otro navegador, y vuelva a "
        "cargar la página.",
    [RG_M_FIELD_SIZE_WHAT] =
        "Un campo de cabecera de la solicitud es demasiado grande.",
    [RG_M_FIELD_SIZE_PRE] = "El campo de cabecera ",
    [RG_M_FIELD_SIZE_POST] = " de la solicitud es demasiado grande.",
    [RG_M_COOKIE_PRE] =
        "Las cookies que este sitio ha guardado en su navegador han crecido "
        "demasiado: el campo de cabecera ",
    [RG_M_COOKIE_POST_SITE] =
        " que las transporta supera el tamaño que admite este sitio.",
    [RG_M_COOKIE_POST_SERVER] =
        " que las transporta supera el tamaño que admite este servidor.",
    [RG_M_HEADER_SIZE_WHAT] =
        "Los campos de cabecera de la solicitud son demasiado grandes en "
        "conjunto.",
    [RG_M_HEADER_SIZE_VISITOR] =
        "Lo más habitual es que se deba a una acumulación de cookies: "
        "elimine las cookies que este sitio ha guardado en su navegador y "
        "vuelva a cargar la página.",
    [RG_M_URI_WHAT] = "La dirección (URL) de la solicitud es demasiado larga.",
    [RG_M_ADDRESS_VISITOR] =
        "Compruebe el enlace que ha seguido o la dirección que ha escrito. "
        "Vuelva a empezar desde la página de inicio del sitio, o pida a "
        "quien le dio el enlace uno más corto.",
    [RG_M_QUERY_WHAT] =
        "La parte de la dirección que sigue al signo de interrogación es "
        "demasiado larga.",
    [RG_M_QUERY_VISITOR] =
        "Si esta dirección la generó un formulario o una búsqueda, envíe "
        "menos valores o valores más cortos. Si no, vuelva a empezar desde "
        "la página de inicio del sitio.",
    [RG_M_BODY_WHAT] =
        "Los datos enviados con la solicitud, como un archivo o un "
        "formulario, superan el tamaño que admite este sitio.",
    [RG_M_BODY_VISITOR] =
        "Envíe un archivo más pequeño o menos datos, por ejemplo "
        "comprimiendo, reduciendo o dividiendo el archivo.",
    [RG_M_LENGTH_WHAT] =
        "La solicitud contenía datos sin indicar su tamaño (Content-Length), "
        "y este sitio exige que se indique.",
    [RG_M_LENGTH_VISITOR] =
        "Los navegadores siempre indican el tamaño. Si usa un programa o un "
        "script, haga que envíe un campo de cabecera Content-Length en "
        "lugar de transferir los datos por fragmentos (chunked).",
    [RG_M_TIMEOUT_WHAT] =
        "Los datos enviados con la solicitud llegaron demasiado despacio o "
        "dejaron de llegar.",
    [RG_M_TIMEOUT_VISITOR] =
        "Compruebe su conexión de red y vuelva a intentarlo; la causa es un "
        "envío lento o interrumpido.",
    [RG_M_CORE_SIZE_WHAT] =
        "Un campo de cabecera de la solicitud supera el tamaño que admite "
        "este servidor.",
    [RG_M_CORE_SIZE_PRE] = "El campo de cabecera ",
    [RG_M_CORE_SIZE_POST] =
        " de la solicitud supera el tamaño que admite este servidor.",
    [RG_M_CORE_FIELDS_WHAT] =
        "La solicitud contiene más campos de cabecera de los que admite "
        "este servidor.",

    [RG_M_ADVICE_NONE] =
        "Es posible que una extensión del navegador, un proxy o un programa "
        "haya añadido un campo de cabecera grande. Si usa alguno, "
        "desactívelo; si no, elimine las cookies que este sitio ha guardado "
        "en su navegador y vuelva a cargar la página.",
    [RG_M_ADVICE_COOKIE] =
        "Elimine las cookies que este sitio ha guardado en su navegador (en "
        "la configuración del sitio o en la configuración de privacidad del "
        "navegador) y vuelva a cargar la página. Es posible que tenga que "
        "volver a iniciar sesión.",
    [RG_M_ADVICE_AUTH] =
        "Cierre la sesión y vuelva a iniciarla. Si no se soluciona, elimine "
        "las cookies y los datos guardados de este sitio en su navegador.",
    [RG_M_ADVICE_REFERER] =
        "Abra el sitio directamente, escribiendo su dirección, en lugar de "
        "seguir el enlace.",
    [RG_M_ADVICE_OTHER] =
        "Es posible que una extensión del navegador, un proxy o un programa "
        "haya añadido este campo de cabecera. Desactive esa extensión o "
        "programa, o pruebe con otro navegador, y vuelva a cargar la "
        "página.",

    [RG_M_LATER] =
        "Vuelva a intentarlo dentro de unos minutos. Si el problema "
        "persiste, avise al responsable del sitio e indique el ID de la "
        "solicitud que figura más abajo.",
    [RG_M_GO_BACK] =
        "Vuelva atrás e inténtelo de nuevo desde la página de la que venía.",
    [RG_M_S400_WHAT] = "El servidor no ha podido entender la solicitud.",
    [RG_M_S400_VISITOR] =
        "Compruebe la dirección. Si usa un programa, compruebe la solicitud "
        "que envía.",
    [RG_M_S401_WHAT] =
        "Para acceder a esta dirección tiene que iniciar sesión.",
    [RG_M_S401_VISITOR] =
        "Inicie sesión con una cuenta válida, o compruebe su nombre de "
        "usuario y su contraseña.",
    [RG_M_S403_WHAT] = "No tiene permiso para abrir esta dirección.",
    [RG_M_S403_VISITOR] =
        "Si cree que debería tener acceso, póngase en contacto con el "
        "responsable del sitio e indique el ID de la solicitud que figura "
        "más abajo.",
    [RG_M_S404_WHAT] = "No hay ninguna página en esta dirección.",
    [RG_M_S404_VISITOR] =
        "Compruebe que la dirección no tenga errores de escritura, o vuelva "
        "a empezar desde la página de inicio del sitio.",
    [RG_M_S405_WHAT] =
        "Este tipo de solicitud no está permitido en esta dirección.",
    [RG_M_S408_WHAT] =
        "El servidor dejó de esperar a que llegara la solicitud.",
    [RG_M_S408_VISITOR] =
        "Compruebe su conexión de red y vuelva a intentarlo.",
    [RG_M_S410_WHAT] =
        "La página de esta dirección se ha eliminado definitivamente.",
    [RG_M_S410_VISITOR] =
        "Vuelva a empezar desde la página de inicio del sitio.",
    [RG_M_S411_WHAT] =
        "La solicitud contenía datos sin indicar su tamaño.",
    [RG_M_S411_VISITOR] =
        "Si usa un programa o un script, haga que envíe un campo de "
        "cabecera Content-Length.",
    [RG_M_S413_WHAT] =
        "Los datos enviados con la solicitud superan el tamaño que admite "
        "este sitio.",
    [RG_M_S413_VISITOR] = "Envíe un archivo más pequeño o menos datos.",
    [RG_M_S429_WHAT] = "Se han enviado demasiadas solicitudes en poco tiempo.",
    [RG_M_S429_VISITOR] = "Espere un momento antes de volver a intentarlo.",
    [RG_M_S431_WHAT] =
        "Los campos de cabecera de la solicitud son demasiado grandes.",
    [RG_M_S500_WHAT] =
        "El servidor ha tenido un problema inesperado y no ha podido "
        "completar la solicitud.",
    [RG_M_S501_WHAT] = "El servidor no admite este tipo de solicitud.",
    [RG_M_S502_WHAT] =
        "Un servidor del que depende este sitio ha enviado una respuesta no "
        "válida.",
    [RG_M_S503_WHAT] =
        "El sitio no está disponible en este momento, por mantenimiento o "
        "porque está sobrecargado.",
    [RG_M_S504_WHAT] =
        "Un servidor del que depende este sitio no ha respondido a tiempo.",
    [RG_M_S5XX_WHAT] = "El servidor no ha podido completar la solicitud.",
    [RG_M_S4XX_WHAT] = "No se ha podido completar la solicitud.",
    [RG_M_S4XX_VISITOR] =
        "Compruebe la dirección y vuelva a intentarlo, o vuelva a empezar "
        "desde la página de inicio del sitio."
};

static const char *const rg_msgs_it[RG_M_COUNT] = {
    [RG_M_ERROR] = "Errore",
    [RG_M_WHAT_YOU_CAN_DO] = "Cosa può fare",
    [RG_M_DETAILS] = "Dettagli",
    [RG_M_STATUS] = "Stato",
    [RG_M_HEADER_FIELD] = "Campo di intestazione",
    [RG_M_FIELD] = "Campo",
    [RG_M_PATH] = "Percorso",
    [RG_M_REQUEST_ID] = "ID della richiesta",
    [RG_M_TIME] = "Ora",
    [RG_M_COOKIES] = "Cookie",
    [RG_M_RELOAD] =
        "Questo sito ha appena chiesto al suo browser di eliminare i cookie "
        "che rendevano la richiesta troppo grande, quindi ora la pagina "
        "dovrebbe funzionare se la ricarica. Potrebbe essere necessario "
        "accedere di nuovo.",
    [RG_M_RELOAD_LINK] = "Ricarica la pagina",

    [RG_M_FIELDS_WHAT] =
        "La richiesta contiene più campi di intestazione di quanti questo "
        "sito ne accetti.",
    [RG_M_FIELDS_VISITOR] =
        "Un’estensione del browser, un proxy o un programma potrebbe "
        "aggiungere campi di intestazione alle sue richieste. Disattivi "
        "quell’estensione o quel programma, oppure provi con un altro "
        "browser, e ricarichi la pagina.",
    [RG_M_FIELD_SIZE_WHAT] =
        "Un campo di intestazione della richiesta è troppo grande.",
    [RG_M_FIELD_SIZE_PRE] = "Il campo di intestazione ",
    [RG_M_FIELD_SIZE_POST] = " della richiesta è troppo grande.",
    [RG_M_COOKIE_PRE] =
        "I cookie che questo sito ha salvato nel suo browser sono diventati "
        "troppo grandi: il campo di intestazione ",
    [RG_M_COOKIE_POST_SITE] =
        " che li trasporta supera la dimensione accettata da questo sito.",
    [RG_M_COOKIE_POST_SERVER] =
        " che li trasporta supera la dimensione accettata da questo server.",
    [RG_M_HEADER_SIZE_WHAT] =
        "I campi di intestazione della richiesta sono troppo grandi nel "
        "loro insieme.",
    [RG_M_HEADER_SIZE_VISITOR] =
        "Di solito la causa è un accumulo di cookie: elimini i cookie che "
        "questo sito ha salvato nel suo browser, poi ricarichi la pagina.",
    [RG_M_URI_WHAT] = "L’indirizzo (URL) della richiesta è troppo lungo.",
    [RG_M_ADDRESS_VISITOR] =
        "Controlli il link che ha seguito o l’indirizzo che ha digitato. "
        "Ricominci dalla pagina iniziale del sito, oppure chieda a chi le "
        "ha dato il link di fornirgliene uno più corto.",
    [RG_M_QUERY_WHAT] =
        "La parte dell’indirizzo dopo il punto interrogativo è troppo "
        "lunga.",
    [RG_M_QUERY_VISITOR] =
        "Se questo indirizzo è stato generato da un modulo o da una "
        "ricerca, invii meno valori o valori più brevi. Altrimenti "
        "ricominci dalla pagina iniziale del sito.",
    [RG_M_BODY_WHAT] =
        "I dati inviati con la richiesta, ad esempio un file caricato o un "
        "modulo, superano la dimensione accettata da questo sito.",
    [RG_M_BODY_VISITOR] =
        "Invii un file più piccolo o meno dati, ad esempio comprimendo, "
        "ridimensionando o suddividendo il file.",
    [RG_M_LENGTH_WHAT] =
        "La richiesta conteneva dati senza indicarne la dimensione "
        "(Content-Length), e questo sito richiede che sia indicata.",
    [RG_M_LENGTH_VISITOR] =
        "I browser indicano sempre la dimensione. Se usa un programma o "
        "uno script, faccia in modo che invii un campo di intestazione "
        "Content-Length invece di trasferire i dati a blocchi (chunked).",
    [RG_M_TIMEOUT_WHAT] =
        "I dati inviati con la richiesta sono arrivati troppo lentamente o "
        "hanno smesso di arrivare.",
    [RG_M_TIMEOUT_VISITOR] =
        "Controlli la sua connessione di rete e riprovi; la causa è un "
        "invio lento o interrotto.",
    [RG_M_CORE_SIZE_WHAT] =
        "Un campo di intestazione della richiesta supera la dimensione "
        "accettata da questo server.",
    [RG_M_CORE_SIZE_PRE] = "Il campo di intestazione ",
    [RG_M_CORE_SIZE_POST] =
        " della richiesta supera la dimensione accettata da questo server.",
    [RG_M_CORE_FIELDS_WHAT] =
        "La richiesta contiene più campi di intestazione di quanti questo "
        "server ne accetti.",

    [RG_M_ADVICE_NONE] =
        "Un’estensione del browser, un proxy o un programma potrebbe aver "
        "aggiunto un campo di intestazione di grandi dimensioni. Se ne usa "
        "uno, lo disattivi; altrimenti elimini i cookie che questo sito ha "
        "salvato nel suo browser, poi ricarichi la pagina.",
    [RG_M_ADVICE_COOKIE] =
        "Elimini i cookie che questo sito ha salvato nel suo browser (nelle "
        "impostazioni del sito o nelle impostazioni della privacy del "
        "browser), poi ricarichi la pagina. Potrebbe essere necessario "
        "accedere di nuovo.",
    [RG_M_ADVICE_AUTH] =
        "Esca dall’account e acceda di nuovo. Se non basta, elimini i "
        "cookie e i dati salvati di questo sito nel suo browser.",
    [RG_M_ADVICE_REFERER] =
        "Apra il sito direttamente, digitandone l’indirizzo, invece di "
        "seguire il link.",
    [RG_M_ADVICE_OTHER] =
        "Un’estensione del browser, un proxy o un programma potrebbe aver "
        "aggiunto questo campo di intestazione. Disattivi quell’estensione "
        "o quel programma, oppure provi con un altro browser, e ricarichi "
        "la pagina.",

    [RG_M_LATER] =
        "Riprovi tra qualche minuto. Se il problema si ripete, avvisi il "
        "gestore del sito indicando l’ID della richiesta riportato qui "
        "sotto.",
    [RG_M_GO_BACK] = "Torni indietro e riprovi dalla pagina da cui proveniva.",
    [RG_M_S400_WHAT] = "Il server non è riuscito a interpretare la richiesta.",
    [RG_M_S400_VISITOR] =
        "Controlli l’indirizzo. Se usa un programma, controlli la richiesta "
        "che invia.",
    [RG_M_S401_WHAT] =
        "Per aprire questo indirizzo è necessario effettuare l’accesso.",
    [RG_M_S401_VISITOR] =
        "Acceda con un account valido, oppure controlli nome utente e "
        "password.",
    [RG_M_S403_WHAT] =
        "Non ha l’autorizzazione per aprire questo indirizzo.",
    [RG_M_S403_VISITOR] =
        "Se ritiene di dover avere accesso, contatti il gestore del sito "
        "indicando l’ID della richiesta riportato qui sotto.",
    [RG_M_S404_WHAT] = "A questo indirizzo non c’è nessuna pagina.",
    [RG_M_S404_VISITOR] =
        "Controlli che l’indirizzo non contenga errori di battitura, oppure "
        "ricominci dalla pagina iniziale del sito.",
    [RG_M_S405_WHAT] =
        "Questo tipo di richiesta non è consentito a questo indirizzo.",
    [RG_M_S408_WHAT] =
        "Il server ha smesso di attendere l’arrivo della richiesta.",
    [RG_M_S408_VISITOR] = "Controlli la sua connessione di rete e riprovi.",
    [RG_M_S410_WHAT] =
        "La pagina a questo indirizzo è stata rimossa definitivamente.",
    [RG_M_S410_VISITOR] = "Ricominci dalla pagina iniziale del sito.",
    [RG_M_S411_WHAT] =
        "La richiesta conteneva dati senza indicarne la dimensione.",
    [RG_M_S411_VISITOR] =
        "Se usa un programma o uno script, faccia in modo che invii un "
        "campo di intestazione Content-Length.",
    [RG_M_S413_WHAT] =
        "I dati inviati con la richiesta superano la dimensione accettata "
        "da questo sito.",
    [RG_M_S413_VISITOR] = "Invii un file più piccolo o meno dati.",
    [RG_M_S429_WHAT] = "Sono state inviate troppe richieste in poco tempo.",
    [RG_M_S429_VISITOR] = "Attenda un momento prima di riprovare.",
    [RG_M_S431_WHAT] =
        "I campi di intestazione della richiesta sono troppo grandi.",
    [RG_M_S500_WHAT] =
        "Il server ha riscontrato un problema imprevisto e non è riuscito "
        "a completare la richiesta.",
    [RG_M_S501_WHAT] = "Il server non supporta questo tipo di richiesta.",
    [RG_M_S502_WHAT] =
        "Un server da cui dipende questo sito ha inviato una risposta non "
        "valida.",
    [RG_M_S503_WHAT] =
        "Il sito non è al momento disponibile, per manutenzione o perché è "
        "sovraccarico.",
    [RG_M_S504_WHAT] =
        "Un server da cui dipende questo sito non ha risposto in tempo.",
    [RG_M_S5XX_WHAT] = "Il server non è riuscito a completare la richiesta.",
    [RG_M_S4XX_WHAT] = "Non è stato possibile completare la richiesta.",
    [RG_M_S4XX_VISITOR] =
        "Controlli l’indirizzo e riprovi, oppure ricominci dalla pagina "
        "iniziale del sito."
};

static const char *const rg_msgs_nl[RG_M_COUNT] = {
    [RG_M_ERROR] = "Fout",
    [RG_M_WHAT_YOU_CAN_DO] = "Wat u kunt doen",
    [RG_M_DETAILS] = "Details",
    [RG_M_STATUS] = "Status",
    [RG_M_HEADER_FIELD] = "Headerveld",
    [RG_M_FIELD] = "Veld",
    [RG_M_PATH] = "Pad",
    [RG_M_REQUEST_ID] = "Verzoek-ID",
    [RG_M_TIME] = "Tijd",
    [RG_M_COOKIES] = "Cookies",
    [RG_M_RELOAD] =
        "Deze website heeft uw browser zojuist gevraagd de cookies te "
        "verwijderen waardoor het verzoek te groot werd. Als u de pagina nu "
        "opnieuw laadt, zou die moeten werken. Mogelijk moet u opnieuw "
        "inloggen.",
    [RG_M_RELOAD_LINK] = "Pagina opnieuw laden",

    [RG_M_FIELDS_WHAT] =
        "Het verzoek bevat meer headervelden dan deze website accepteert.",
    [RG_M_FIELDS_VISITOR] =
        "Mogelijk voegt een browserextensie, proxy of programma headervelden "
        "aan uw verzoeken toe. Schakel die extensie of dat programma uit, "
        "of probeer een andere browser, en laad de pagina opnieuw.",
    [RG_M_FIELD_SIZE_WHAT] = "Een headerveld van het verzoek is te groot.",
    [RG_M_FIELD_SIZE_PRE] = "Het headerveld ",
    [RG_M_FIELD_SIZE_POST] = " van het verzoek is te groot.",
    [RG_M_COOKIE_PRE] =
        "De cookies die deze website in uw browser heeft opgeslagen, zijn "
        "te groot geworden: het headerveld ",
    [RG_M_COOKIE_POST_SITE] =
        " waarin ze worden meegestuurd, is groter dan deze website "
        "accepteert.",
    [RG_M_COOKIE_POST_SERVER] =
        " waarin ze worden meegestuurd, is groter dan deze server "
        "accepteert.",
    [RG_M_HEADER_SIZE_WHAT] =
        "De headervelden van het verzoek zijn samen te groot.",
    [RG_M_HEADER_SIZE_VISITOR] =
        "Dit komt meestal door opgehoopte cookies: verwijder de cookies die "
        "deze website in uw browser heeft opgeslagen en laad de pagina daarna "
        "opnieuw.",
    [RG_M_URI_WHAT] = "Het adres (URL) van het verzoek is te lang.",
    [RG_M_ADDRESS_VISITOR] =
        "Controleer de link die u hebt gevolgd of het adres dat u hebt "
        "getypt. Begin opnieuw vanaf de startpagina van de website, of vraag "
        "degene van wie u de link hebt om een kortere.",
    [RG_M_QUERY_WHAT] = "Het deel van het adres na het vraagteken is te lang.",
    [RG_M_QUERY_VISITOR] =
        "Als een formulier of zoekopdracht dit adres heeft gemaakt, verstuur "
        "dan minder of kortere waarden. Begin anders opnieuw vanaf de "
        "startpagina van de website.",
    [RG_M_BODY_WHAT] =
        "De gegevens die met het verzoek zijn verstuurd, zoals een "
        "geüpload bestand of een formulier, zijn groter dan deze website "
        "accepteert.",
    [RG_M_BODY_VISITOR] =
        "Verstuur een kleiner bestand of minder gegevens, bijvoorbeeld door "
        "het bestand te comprimeren, te verkleinen of op te splitsen.",
    [RG_M_LENGTH_WHAT] =
        "Het verzoek bevatte gegevens zonder opgave van de grootte "
        "(Content-Length), terwijl deze website die grootte vereist.",
    [RG_M_LENGTH_VISITOR] =
        "Browsers geven de grootte altijd op. Als u een programma of script "
        "gebruikt, laat het dan een Content-Length-headerveld versturen in "
        "plaats van de gegevens in delen (chunked) over te dragen.",
    [RG_M_TIMEOUT_WHAT] =
        "De gegevens die met het verzoek zijn verstuurd, kwamen te langzaam "
        "binnen of kwamen niet meer binnen.",
    [RG_M_TIMEOUT_VISITOR] =
        "Controleer uw netwerkverbinding en probeer het opnieuw; een trage "
        "of onderbroken upload is hiervan de oorzaak.",
    [RG_M_CORE_SIZE_WHAT] =
        "Een headerveld van het verzoek is groter dan deze server "
        "accepteert.",
    [RG_M_CORE_SIZE_PRE] = "Het headerveld ",
    [RG_M_CORE_SIZE_POST] =
        " van het verzoek is groter dan deze server accepteert.",
    [RG_M_CORE_FIELDS_WHAT] =
        "Het verzoek bevat meer headervelden dan deze server accepteert.",

    [RG_M_ADVICE_NONE] =
        "Mogelijk heeft een browserextensie, proxy of programma een groot "
        "headerveld toegevoegd. Als u zoiets gebruikt, schakel het dan uit; "
        "verwijder anders de cookies die deze website in uw browser heeft "
        "opgeslagen en laad de pagina daarna opnieuw.",
    [RG_M_ADVICE_COOKIE] =
        "Verwijder de cookies die deze website in uw browser heeft "
        "opgeslagen (via de website-instellingen of de privacyinstellingen "
        "van de browser) en laad de pagina daarna opnieuw. Mogelijk moet u "
        "opnieuw inloggen.",
    [RG_M_ADVICE_AUTH] =
        "Log uit en log opnieuw in. Helpt dat niet, verwijder dan de "
        "cookies en opgeslagen gegevens van deze website in uw browser.",
    [RG_M_ADVICE_REFERER] =
        "Open de website rechtstreeks door het adres te typen, in plaats "
        "van de link te volgen.",
    [RG_M_ADVICE_OTHER] =
        "Mogelijk heeft een browserextensie, proxy of programma dit "
        "headerveld toegevoegd. Schakel die extensie of dat programma uit, "
        "of probeer een andere browser, en laad de pagina opnieuw.",

    [RG_M_LATER] =
        "Probeer het over een paar minuten opnieuw. Blijft het probleem "
        "zich voordoen, laat het dan weten aan de beheerder van de website "
        "en vermeld het verzoek-ID hieronder.",
    [RG_M_GO_BACK] =
        "Ga terug en probeer het opnieuw vanaf de pagina waar u vandaan "
        "kwam.",
    [RG_M_S400_WHAT] = "De server kon het verzoek niet begrijpen.",
    [RG_M_S400_VISITOR] =
        "Controleer het adres. Als u een programma gebruikt, controleer dan "
        "het verzoek dat het verstuurt.",
    [RG_M_S401_WHAT] = "Voor dit adres moet u inloggen.",
    [RG_M_S401_VISITOR] =
        "Log in met een geldig account, of controleer uw gebruikersnaam en "
        "wachtwoord.",
    [RG_M_S403_WHAT] = "U hebt geen toestemming om dit adres te openen.",
    [RG_M_S403_VISITOR] =
        "Denkt u dat u toegang zou moeten hebben, neem dan contact op met "
        "de beheerder van de website en vermeld het verzoek-ID hieronder.",
    [RG_M_S404_WHAT] = "Er is geen pagina op dit adres.",
    [RG_M_S404_VISITOR] =
        "Controleer het adres op typefouten, of begin opnieuw vanaf de "
        "startpagina van de website.",
    [RG_M_S405_WHAT] = "Dit soort verzoek is op dit adres niet toegestaan.",
    [RG_M_S408_WHAT] =
        "De server is gestopt met wachten tot het verzoek binnenkwam.",
    [RG_M_S408_VISITOR] =
        "Controleer uw netwerkverbinding en probeer het opnieuw.",
    [RG_M_S410_WHAT] = "De pagina op dit adres is definitief verwijderd.",
    [RG_M_S410_VISITOR] =
        "Begin opnieuw vanaf de startpagina van de website.",
    [RG_M_S411_WHAT] =
        "Het verzoek bevatte gegevens zonder opgave van de grootte.",
    [RG_M_S411_VISITOR] =
        "Als u een programma of script gebruikt, laat het dan een "
        "Content-Length-headerveld versturen.",
    [RG_M_S413_WHAT] =
        "De gegevens die met het verzoek zijn verstuurd, zijn groter dan "
        "deze website accepteert.",
    [RG_M_S413_VISITOR] = "Verstuur een kleiner bestand of minder gegevens.",
    [RG_M_S429_WHAT] = "Er zijn in korte tijd te veel verzoeken verstuurd.",
    [RG_M_S429_VISITOR] = "Wacht even voordat u het opnieuw probeert.",
    [RG_M_S431_WHAT] = "De headervelden van het verzoek zijn te groot.",
    [RG_M_S500_WHAT] =
        "De server had een onverwacht probleem en kon het verzoek niet "
        "voltooien.",
    [RG_M_S501_WHAT] = "De server ondersteunt dit soort verzoek niet.",
    [RG_M_S502_WHAT] =
        "Een server waarvan deze website afhankelijk is, heeft een ongeldig "
        "antwoord verstuurd.",
    [RG_M_S503_WHAT] =
        "De website is op dit moment niet beschikbaar, wegens onderhoud of "
        "omdat ze overbelast is.",
    [RG_M_S504_WHAT] =
        "Een server waarvan deze website afhankelijk is, heeft niet op tijd "
        "geantwoord.",
    [RG_M_S5XX_WHAT] = "De server kon het verzoek niet voltooien.",
    [RG_M_S4XX_WHAT] = "Het verzoek kon niet worden voltooid.",
    [RG_M_S4XX_VISITOR] =
        "Controleer het adres en probeer het opnieuw, of begin opnieuw vanaf "
        "de startpagina van de website."
        "de startpagina van de website."
};

static const char *const rg_msgs_pt[RG_M_COUNT] = {
    [RG_M_ERROR] = "Erro",
    [RG_M_WHAT_YOU_CAN_DO] = "O que pode fazer",
    [RG_M_DETAILS] = "Detalhes",
    [RG_M_STATUS] = "Estado",
    [RG_M_HEADER_FIELD] = "Campo de cabeçalho",
    [RG_M_FIELD] = "Campo",
    [RG_M_PATH] = "Caminho",
    [RG_M_REQUEST_ID] = "ID do pedido",
    [RG_M_TIME] = "Hora",
    [RG_M_COOKIES] = "Cookies",
    [RG_M_RELOAD] =
        "Este site acaba de pedir ao seu navegador que apague os cookies "
        "que tornavam o pedido muito grande; por isso, a página deverá "
        "funcionar agora se for recarregada. Pode ser necessário entrar "
        "novamente na sua conta.",
    [RG_M_RELOAD_LINK] = "Recarregar a página",

    [RG_M_FIELDS_WHAT] =
        "O pedido contém mais campos de cabeçalho do que este site aceita.",
    [RG_M_FIELDS_VISITOR] =
        "É possível que uma extensão do navegador, um proxy ou um programa "
        "acrescente campos de cabeçalho aos seus pedidos. Desative essa "
        "extensão ou programa, ou tente usar outro navegador, e recarregue "
        "a página.",
    [RG_M_FIELD_SIZE_WHAT] = "Um campo de cabeçalho do pedido é muito grande.",
    [RG_M_FIELD_SIZE_PRE] = "O campo de cabeçalho ",
    [RG_M_FIELD_SIZE_POST] = " do pedido é muito grande.",
    [RG_M_COOKIE_PRE] =
        "Os cookies que este site armazenou no seu navegador ficaram muito "
        "grandes: o campo de cabeçalho ",
    [RG_M_COOKIE_POST_SITE] =
        " que os transporta excede o tamanho que este site aceita.",
    [RG_M_COOKIE_POST_SERVER] =
        " que os transporta excede o tamanho que este servidor aceita.",
    [RG_M_HEADER_SIZE_WHAT] =
        "Em conjunto, os campos de cabeçalho do pedido são muito grandes.",
    [RG_M_HEADER_SIZE_VISITOR] =
        "Na maioria dos casos, a causa é a acumulação de cookies: apague os "
        "cookies que este site armazenou no seu navegador e recarregue a "
        "página.",
    [RG_M_URI_WHAT] = "O endereço (URL) do pedido é muito longo.",
    [RG_M_ADDRESS_VISITOR] =
        "Verifique o link que seguiu ou o endereço que escreveu. Recomece a "
        "partir da página inicial do site, ou peça a quem lhe enviou o link "
        "uma versão mais curta.",
    [RG_M_QUERY_WHAT] =
        "A parte do endereço depois do ponto de interrogação é muito longa.",
    [RG_M_QUERY_VISITOR] =
        "Se este endereço foi gerado por um formulário ou por uma pesquisa, "
        "envie menos valores ou valores mais curtos. Caso contrário, "
        "recomece a partir da página inicial do site.",
    [RG_M_BODY_WHAT] =
        "Os dados enviados com o pedido, por exemplo um documento ou um "
        "formulário, excedem o tamanho que este site aceita.",
    [RG_M_BODY_VISITOR] =
        "Envie um documento menor ou menos dados, por exemplo comprimindo, "
        "reduzindo ou dividindo o documento.",
    [RG_M_LENGTH_WHAT] =
        "O pedido continha dados sem indicação do seu tamanho "
        "(Content-Length), e este site exige que o tamanho seja indicado.",
    [RG_M_LENGTH_VISITOR] =
        "Os navegadores indicam sempre o tamanho. Se usar um programa ou um "
        "script, faça com que ele envie um campo de cabeçalho "
        "Content-Length em vez de transferir os dados em blocos (chunked).",
    [RG_M_TIMEOUT_WHAT] =
        "Os dados enviados com o pedido chegaram muito devagar ou deixaram "
        "de chegar.",
    [RG_M_TIMEOUT_VISITOR] =
        "Verifique a conexão de rede e tente novamente; a causa é um envio "
        "lento ou interrompido.",
    [RG_M_CORE_SIZE_WHAT] =
        "Um campo de cabeçalho do pedido excede o tamanho que este servidor "
        "aceita.",
    [RG_M_CORE_SIZE_PRE] = "O campo de cabeçalho ",
    [RG_M_CORE_SIZE_POST] =
        " do pedido excede o tamanho que este servidor aceita.",
    [RG_M_CORE_FIELDS_WHAT] =
        "O pedido contém mais campos de cabeçalho do que este servidor "
        "aceita.",

    [RG_M_ADVICE_NONE] =
        "É possível que uma extensão do navegador, um proxy ou um programa "
        "tenha acrescentado um campo de cabeçalho grande. Se usar algo "
        "assim, desative-o; caso contrário, apague os cookies que este site "
        "armazenou no seu navegador e recarregue a página.",
    [RG_M_ADVICE_COOKIE] =
        "Apague os cookies que este site armazenou no seu navegador (nas "
        "opções do site ou nas opções de privacidade do navegador) e "
        "recarregue a página. Pode ser necessário entrar novamente na sua "
        "conta.",
    [RG_M_ADVICE_AUTH] =
        "Saia da sua conta e entre novamente. Se isso não resolver, apague "
        "os cookies e os dados armazenados deste site no seu navegador.",
    [RG_M_ADVICE_REFERER] =
        "Abra o site diretamente, escrevendo o endereço, em vez de seguir o "
        "link.",
    [RG_M_ADVICE_OTHER] =
        "É possível que uma extensão do navegador, um proxy ou um programa "
        "tenha acrescentado este campo de cabeçalho. Desative essa extensão "
        "ou programa, ou tente usar outro navegador, e recarregue a página.",

    [RG_M_LATER] =
        "Tente novamente dentro de alguns minutos. Se o problema persistir, "
        "informe o responsável pelo site e indique o ID do pedido que "
        "aparece abaixo.",
    [RG_M_GO_BACK] =
        "Volte atrás e tente novamente a partir da página de onde veio.",
    [RG_M_S400_WHAT] = "O servidor não conseguiu entender o pedido.",
    [RG_M_S400_VISITOR] =
        "Verifique o endereço. Se usar um programa, verifique o pedido que "
        "ele envia.",
    [RG_M_S401_WHAT] =
        "É necessário entrar na sua conta para abrir este endereço.",
    [RG_M_S401_VISITOR] =
        "Entre com uma conta válida ou verifique os seus dados de acesso.",
    [RG_M_S403_WHAT] = "Não tem permissão para abrir este endereço.",
    [RG_M_S403_VISITOR] =
        "Se acha que deveria ter acesso, fale com o responsável pelo site e "
        "indique o ID do pedido que aparece abaixo.",
    [RG_M_S404_WHAT] = "Não existe nenhuma página neste endereço.",
    [RG_M_S404_VISITOR] =
        "Verifique se o endereço tem erros de escrita, ou recomece a partir "
        "da página inicial do site.",
    [RG_M_S405_WHAT] = "Este tipo de pedido não é permitido neste endereço.",
    [RG_M_S408_WHAT] = "O servidor deixou de esperar pela chegada do pedido.",
    [RG_M_S408_VISITOR] = "Verifique a conexão de rede e tente novamente.",
    [RG_M_S410_WHAT] = "A página neste endereço foi removida definitivamente.",
    [RG_M_S410_VISITOR] = "Recomece a partir da página inicial do site.",
    [RG_M_S411_WHAT] =
        "O pedido continha dados sem indicação do seu tamanho.",
    [RG_M_S411_VISITOR] =
        "Se usar um programa ou um script, faça com que ele envie um campo "
        "de cabeçalho Content-Length.",
    [RG_M_S413_WHAT] =
        "Os dados enviados com o pedido excedem o tamanho que este site "
        "aceita.",
    [RG_M_S413_VISITOR] = "Envie um documento menor ou menos dados.",
    [RG_M_S429_WHAT] = "Foram enviados muitos pedidos em pouco tempo.",
    [RG_M_S429_VISITOR] = "Aguarde um momento antes de tentar novamente.",
    [RG_M_S431_WHAT] = "Os campos de cabeçalho do pedido são muito grandes.",
    [RG_M_S500_WHAT] =
        "O servidor encontrou um problema inesperado e não conseguiu "
        "concluir o pedido.",
    [RG_M_S501_WHAT] = "O servidor não suporta este tipo de pedido.",
    [RG_M_S502_WHAT] =
        "Um servidor do qual este site depende enviou uma resposta "
        "inválida.",
    [RG_M_S503_WHAT] =
        "O site está indisponível neste momento, por manutenção ou por "
        "estar sobrecarregado.",
    [RG_M_S504_WHAT] =
        "Um servidor do qual este site depende não respondeu a tempo.",
    [RG_M_S5XX_WHAT] = "O servidor não conseguiu concluir o pedido.",
    [RG_M_S4XX_WHAT] = "Não foi possível concluir o pedido.",
    [RG_M_S4XX_VISITOR] =
        "Verifique o endereço e tente novamente, ou recomece a partir da "
        "página inicial do site."
};

static const char *const rg_msgs_pl[RG_M_COUNT] = {
    [RG_M_ERROR] = "Błąd",
    [RG_M_WHAT_YOU_CAN_DO] = "Co możesz zrobić",
    [RG_M_DETAILS] = "Szczegóły",
    [RG_M_STATUS] = "Status",
    [RG_M_HEADER_FIELD] = "Pole nagłówka",
    [RG_M_FIELD] = "Pole",
    [RG_M_PATH] = "Ścieżka",
    [RG_M_REQUEST_ID] = "Identyfikator żądania",
    [RG_M_TIME] = "Czas",
    [RG_M_COOKIES] = "Pliki cookie",
    [RG_M_RELOAD] =
        "Ta witryna poprosiła właśnie przeglądarkę o usunięcie plików "
        "cookie, przez które żądanie było za duże, więc po ponownym "
        "załadowaniu strona powinna już działać. Może być konieczne "
        "ponowne zalogowanie się.",
    [RG_M_RELOAD_LINK] = "Załaduj stronę ponownie",

    [RG_M_FIELDS_WHAT] =
        "Żądanie zawiera więcej pól nagłówka, niż akceptuje ta witryna.",
    [RG_M_FIELDS_VISITOR] =
        "Możliwe, że rozszerzenie przeglądarki, serwer proxy lub program "
        "dodaje pola nagłówka do Twoich żądań. Wyłącz to rozszerzenie lub "
        "program albo użyj innej przeglądarki, a następnie załaduj stronę "
        "ponownie.",
    [RG_M_FIELD_SIZE_WHAT] = "Jedno z pól nagłówka żądania jest za duże.",
    [RG_M_FIELD_SIZE_PRE] = "Pole nagłówka ",
    [RG_M_FIELD_SIZE_POST] = " w żądaniu jest za duże.",
    [RG_M_COOKIE_PRE] =
        "Pliki cookie zapisane przez tę witrynę w Twojej przeglądarce stały "
        "się za duże: pole nagłówka ",
    [RG_M_COOKIE_POST_SITE] =
        ", w którym są przesyłane, przekracza rozmiar akceptowany przez tę "
        "witrynę.",
    [RG_M_COOKIE_POST_SERVER] =
        ", w którym są przesyłane, przekracza rozmiar akceptowany przez ten "
        "serwer.",
    [RG_M_HEADER_SIZE_WHAT] = "Pola nagłówka żądania są łącznie za duże.",
    [RG_M_HEADER_SIZE_VISITOR] =
        "Najczęściej przyczyną jest nagromadzenie plików cookie: usuń pliki "
        "cookie zapisane przez tę witrynę w przeglądarce, a następnie "
        "załaduj stronę ponownie.",
    [RG_M_URI_WHAT] = "Adres (URL) żądania jest za długi.",
    [RG_M_ADDRESS_VISITOR] =
        "Sprawdź link lub wpisany adres. Zacznij od nowa od strony głównej "
        "witryny albo poproś osobę, od której masz link, o krótszy.",
    [RG_M_QUERY_WHAT] = "Część adresu po znaku zapytania jest za długa.",
    [RG_M_QUERY_VISITOR] =
        "Jeśli ten adres powstał w wyniku wypełnienia formularza lub "
        "wyszukiwania, wyślij mniej wartości lub krótsze wartości. W "
        "przeciwnym razie zacznij od nowa od strony głównej witryny.",
    [RG_M_BODY_WHAT] =
        "Dane wysłane z żądaniem, na przykład przesyłany plik lub "
        "formularz, są większe, niż akceptuje ta witryna.",
    [RG_M_BODY_VISITOR] =
        "Wyślij mniejszy plik lub mniej danych, na przykład kompresując, "
        "zmniejszając lub dzieląc plik.",
    [RG_M_LENGTH_WHAT] =
        "Żądanie zawierało dane bez podania ich rozmiaru (Content-Length), "
        "a ta witryna wymaga podania rozmiaru.",
    [RG_M_LENGTH_VISITOR] =
        "Przeglądarki zawsze podają rozmiar. Jeśli używasz programu lub "
        "skryptu, spraw, aby wysyłał pole nagłówka Content-Length zamiast "
        "przesyłać dane w częściach (chunked).",
    [RG_M_TIMEOUT_WHAT] =
        "Dane wysłane z żądaniem docierały zbyt wolno lub przestały "
        "docierać.",
    [RG_M_TIMEOUT_VISITOR] =
        "Sprawdź połączenie sieciowe i spróbuj ponownie; przyczyną jest "
        "powolne lub przerwane przesyłanie danych.",
    [RG_M_CORE_SIZE_WHAT] =
        "Jedno z pól nagłówka żądania przekracza rozmiar akceptowany przez "
        "ten serwer.",
    [RG_M_CORE_SIZE_PRE] = "Pole nagłówka ",
    [RG_M_CORE_SIZE_POST] =
        " w żądaniu przekracza rozmiar akceptowany przez ten serwer.",
    [RG_M_CORE_FIELDS_WHAT] =
        "Żądanie zawiera więcej pól nagłówka, niż akceptuje ten serwer.",

    [RG_M_ADVICE_NONE] =
        "Możliwe, że duże pole nagłówka zostało dodane przez rozszerzenie "
        "przeglądarki, serwer proxy lub program. Jeśli z czegoś takiego "
        "korzystasz, wyłącz to; w przeciwnym razie usuń pliki cookie "
        "zapisane przez tę witrynę w przeglądarce, a następnie załaduj "
        "stronę ponownie.",
    [RG_M_ADVICE_COOKIE] =
        "Usuń pliki cookie zapisane przez tę witrynę w przeglądarce (w "
        "ustawieniach witryny lub ustawieniach prywatności przeglądarki), a "
        "następnie załaduj stronę ponownie. Może być konieczne ponowne "
        "zalogowanie się.",
    [RG_M_ADVICE_AUTH] =
        "Wyloguj się i zaloguj ponownie. Jeśli to nie pomoże, usuń pliki "
        "cookie i zapisane dane tej witryny w przeglądarce.",
    [RG_M_ADVICE_REFERER] =
        "Otwórz witrynę bezpośrednio, wpisując jej adres, zamiast korzystać "
        "z linku.",
    [RG_M_ADVICE_OTHER] =
        "Możliwe, że to pole nagłówka zostało dodane przez rozszerzenie "
        "przeglądarki, serwer proxy lub program. Wyłącz to rozszerzenie lub "
        "program albo użyj innej przeglądarki, a następnie załaduj stronę "
        "ponownie.",

    [RG_M_LATER] =
        "Spróbuj ponownie za kilka minut. Jeśli problem będzie się "
        "powtarzał, powiadom właściciela witryny i podaj poniższy "
        "identyfikator żądania.",
    [RG_M_GO_BACK] = "Wróć do poprzedniej strony i spróbuj ponownie stamtąd.",
    [RG_M_S400_WHAT] = "Serwer nie mógł zrozumieć żądania.",
    [RG_M_S400_VISITOR] =
        "Sprawdź adres. Jeśli używasz programu, sprawdź wysyłane przez "
        "niego żądanie.",
    [RG_M_S401_WHAT] = "Aby otworzyć ten adres, musisz się zalogować.",
    [RG_M_S401_VISITOR] =
        "Zaloguj się, używając ważnego konta, lub sprawdź nazwę użytkownika i "
        "hasło.",
    [RG_M_S403_WHAT] = "Nie masz uprawnień do otwarcia tego adresu.",
    [RG_M_S403_VISITOR] =
        "Jeśli Twoim zdaniem dostęp powinien być możliwy, skontaktuj się z "
        "właścicielem witryny i podaj poniższy identyfikator żądania.",
    [RG_M_S404_WHAT] = "Pod tym adresem nie ma żadnej strony.",
    [RG_M_S404_VISITOR] =
        "Sprawdź, czy w adresie nie ma literówek, albo zacznij od nowa od "
        "strony głównej witryny.",
    [RG_M_S405_WHAT] =
        "Ten rodzaj żądania nie jest dozwolony pod tym adresem.",
    [RG_M_S408_WHAT] = "Serwer przestał czekać na nadejście żądania.",
    [RG_M_S408_VISITOR] = "Sprawdź połączenie sieciowe i spróbuj ponownie.",
    [RG_M_S410_WHAT] = "Strona pod tym adresem została trwale usunięta.",
    [RG_M_S410_VISITOR] = "Zacznij od nowa od strony głównej witryny.",
    [RG_M_S411_WHAT] = "Żądanie zawierało dane bez podania ich rozmiaru.",
    [RG_M_S411_VISITOR] =
        "Jeśli używasz programu lub skryptu, spraw, aby wysyłał pole "
        "nagłówka Content-Length.",
    [RG_M_S413_WHAT] =
        "Dane wysłane z żądaniem są większe, niż akceptuje ta witryna.",
    [RG_M_S413_VISITOR] = "Wyślij mniejszy plik lub mniej danych.",
    [RG_M_S429_WHAT] = "W krótkim czasie wysłano zbyt wiele żądań.",
    [RG_M_S429_VISITOR] = "Odczekaj chwilę, zanim spróbujesz ponownie.",
    [RG_M_S431_WHAT] = "Pola nagłówka żądania są za duże.",
    [RG_M_S500_WHAT] =
        "Na serwerze wystąpił nieoczekiwany problem i nie udało się "
        "zrealizować żądania.",
    [RG_M_S501_WHAT] = "Serwer nie obsługuje tego rodzaju żądań.",
    [RG_M_S502_WHAT] =
        "Serwer, od którego zależy ta witryna, wysłał nieprawidłową "
        "odpowiedź.",
    [RG_M_S503_WHAT] =
        "Witryna jest chwilowo niedostępna z powodu prac konserwacyjnych "
        "lub przeciążenia.",
    [RG_M_S504_WHAT] =
        "Serwer, od którego zależy ta witryna, nie odpowiedział na czas.",
    [RG_M_S5XX_WHAT] = "Serwer nie mógł zrealizować żądania.",
    [RG_M_S4XX_WHAT] = "Nie udało się zrealizować żądania.",
    [RG_M_S4XX_VISITOR] =
        "Sprawdź adres i spróbuj ponownie albo zacznij od nowa od strony "
        "głównej witryny."
};

static const rg_lang_t rg_langs[RG_LANG_COUNT] = {
    [RG_LANG_EN] = { "en", rg_msgs_en, ":", " ", RG_PLURAL_ONE,
                     { "byte", "bytes", "bytes" } },
    [RG_LANG_DE] = { "de", rg_msgs_de, ":", " ", RG_PLURAL_ONE,
                     { "Byte", "Byte", "Byte" } },
    [RG_LANG_FR] = { "fr", rg_msgs_fr, RG_NBSP ":", RG_NBSP, RG_PLURAL_FR,
                     { "octet", "octets", "octets" } },
    [RG_LANG_ES] = { "es", rg_msgs_es, ":", " ", RG_PLURAL_ONE,
                     { "byte", "bytes", "bytes" } },
    [RG_LANG_IT] = { "it", rg_msgs_it, ":", " ", RG_PLURAL_ONE,
                     { "byte", "byte", "byte" } },
    [RG_LANG_NL] = { "nl", rg_msgs_nl, ":", " ", RG_PLURAL_ONE,
                     { "byte", "bytes", "bytes" } },
    [RG_LANG_PT] = { "pt", rg_msgs_pt, ":", " ", RG_PLURAL_ONE,
                     { "byte", "bytes", "bytes" } },
    [RG_LANG_PL] = { "pl", rg_msgs_pl, ":", " ", RG_PLURAL_PL,
                     { "bajt", "bajty", "bajtów" } }
};

const rg_lang_t *rg_lang(rg_lang_e lang)
{
    return &rg_langs[(unsigned)lang < RG_LANG_COUNT ? lang : RG_LANG_EN];
}

const char *rg_lang_tag(rg_lang_e lang)
{
    return rg_lang(lang)->tag;
}

const char *rg_lang_text(const rg_lang_t *L, rg_msg_e key)
{
    const char *s;

    if ((unsigned)key >= RG_M_COUNT) {
        return "";
    }
    s = L->msgs[key] != NULL ? L->msgs[key] : rg_msgs_en[key];
    return s != NULL ? s : "";
}

const char *rg_lang_bytes(const rg_lang_t *L, apr_uint64_t n)
{
    switch (L->plural) {
    case RG_PLURAL_FR:
        return L->bytes[n < 2 ? 0 : 2];
    case RG_PLURAL_PL:
        if (n == 1) {
            return L->bytes[0];
        }
        if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) {
            return L->bytes[1];
        }
        return L->bytes[2];
    default:
        return L->bytes[n == 1 ? 0 : 2];
    }
}

apr_size_t rg_lang_msg_count(void)
{
    return RG_M_COUNT - 1;
}

const char *rg_lang_msg(rg_lang_e lang, apr_size_t i)
{
    if ((unsigned)lang >= RG_LANG_COUNT || i >= RG_M_COUNT - 1) {
        return NULL;
    }
    return rg_langs[lang].msgs[i + 1];
}
