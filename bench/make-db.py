#!/usr/bin/env python3
"""Prints the SQL that fills an empty ombud database with N realistic complaints.

usage: python3 bench/make-db.py N NOW        (run by bench/make-db.sh, which pipes it to sqlite3)

Python only writes text here; the sqlite3 shell makes every row with recursive CTEs, so a million
complaints take about two minutes, not an hour. Every choice comes from pseudo-random streams
that advance one step per row (Lehmer generators, not random()), so the same N and NOW give the
same database.

The data follows the rules ombud keeps, as if every complaint had been handled with ombud itself:

- Complaints 1..N are opened in order over five years up to NOW; the newest are still in progress.
  Every complaint's timeline starts with its `opened` event; events' times never go backwards and
  never lie after NOW; a complaint's updated_at is the time of its last event.
- The newest min(N/5, 7000) complaints are about 55 % open, 15 % escalated, 30 % closed; all
  older ones are closed. (`waiting` is never produced: no ombud command sets it.)
- About 5 events per complaint: opened, the customer's first message (incoming note), a reply
  (outgoing), sometimes an escalation (a second one raises the level), a hand-off to another
  owner, a follow-up in and a reply out shared with the customer, and the close with its reason,
  resolution and rating. About 3 % of the closed ones were reopened and closed again; some of the
  open ones are reopened ones. Closing ends an escalation, as in ombud: only escalated complaints
  have escalated_to and escalation_level >= 1.
- N * 3 / 10 customers (300,000 for a million), with names from eleven origins (Jan de Vries,
  Zoë Bakker, José García López, Søren Nielsen, Chloé Martin, Ayşe Yılmaz …), most with a
  unique e-mail address, about half with a phone number. Customers who have been around longer
  have more complaints; a few regulars have dozens.
- 15 owners, 4 managers who take escalations.

THE RARE WORD: "xylofoon" occurs in exactly 7 notes, one each in complaints
1 + k * (N - 1) // 6 for k = 0..6 (#1, …, #N), and nowhere else; so `ombud search xylofoon`
finds exactly 7 complaints for any N >= 7. A common word: "refund", in about a third of them.
"""

import re
import sys
import unicodedata

RARE_WORD = "xylofoon"
RARE_COUNT = 7
SPAN = 5 * 365 * 86400  # the complaints are spread over five years before NOW
P = 2147483647  # 2^31 - 1: every product of two values below it fits SQLite's 64-bit integers


def q(s):
    """A SQL string literal."""
    return "'" + s.replace("'", "''") + "'"


def ascii_of(s):
    """The letters of a name as they would appear in an e-mail address."""
    s = s.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("æ", "ae")
    s = s.replace("ł", "l").replace("Ł", "L").replace("ı", "i").replace("İ", "I")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isascii() and c.isalnum()).lower()


# ---------------------------------------------------------------------------------------------
# Names: (weight in %, first names, surnames, e-mail domain, phone prefix)

ORIGINS = {
    "nl": (57, """Jan Sanne Zoë Daan Emma Sem Julia Lucas Tess Levi Mila Finn Noor Bram Fenna Lotte
        Thijs Anouk Ruben Eva Pieter Femke Joost Marieke Willem Annelies Kees Ineke Henk Gerda
        Wouter
        Marloes Sjoerd Lieke Jeroen Floor Maarten Roos Gijs Iris Koen Sophie Stijn Loïs Niels Inge
        Bas Linda Hendrik Wilma Arjen Esmée Tim Chantal Mark Sandra Dennis Petra Rik Ilse Teun Maud
        Jesse Isa Mees Guus Fleur Olivier Jasmijn Hugo Saar Dirk Yvonne Frank Anja Erik
        Monique Peter
        Karin Gert-Jan Hanneke Marijke Jaap Bert Truus Geert Aafke Siebe Renée Daniël Michiel Joëlle
        Anneke Cor Ria Mieke Bart Lars Noa Sietske Hidde Jorien Wessel Fenne""".split(),
        """de Vries|Jansen|Bakker|Visser|Smit|Meijer|de Boer|Mulder|de
        Groot|Bos|Vos|Peters|Hendriks|
        van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf|van der Meer|van der Linden|Kok|
        Jacobs|de Haan|Vermeulen|van den Berg|van der Heijden|van der Veen|van den Broek|de Bruijn|
        de Jong|van Dijk|Janssen|van Beek|Willems|Hoekstra|Maas|Verhoeven|Koster|van Dam|van
        der Wal|
        Prins|Blom|Huisman|Peeters|de Jonge|Kuipers|van Veen|Post|Kuiper|Veenstra|Kramer|
        van den Brink|Scholten|van Wijk|Postma|Martens|Vink|de Ruiter|Timmermans|Groen|Gerritsen|
        Jonker|van Loon|Boer|van der Velde|Willemsen|Smeets|de Lange|de Vos|Bosch|van Dongen|
        Schouten|Hoogendoorn|Koning|van Vliet|Bosman|Wouters|Evers|Verbeek|Hermans|Sanders|van Rijn|
        Stam|van Doorn|Claassen|Wijnands|Mertens|Zijlstra|Ouwehand|Hoek|van Gorp|IJzerman|Kroeze|
        Teunissen|Schepers|van 't Hof|'t Hart|van Eijk|Dijkman|Pronk|Brinkman|Groenewegen|Rutten|
        Aarts|Hoogeveen|Terpstra|Bijl|Wolters|Bouwman|van Es|Oosterhuis|Lammers|Sluijter""",
        "example.nl", "06-"),
    "de": (5, """Lukas Leonie Jürgen Jörg Günther Sabine Ursula Matthias Stefanie Klaus Björn Anja
        Maximilian Hannah Felix Lena Tobias Katharina Uwe Heike Dieter Bärbel Jonas Sören Mareike
        Jens Kerstin Torsten""".split(),
        """Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Schäfer|Koch|
        Bauer|Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Braun|Krüger|Hofmann|Hartmann|
        Lange|Schmitt|Werner|Krause|Meier|Lehmann|Köhler|Groß|Weiß|Jäger|Böhm|Vogel|Friedrich""",
        "example.de", "+49 15"),
    "fr": (5, """Chloé Léa Manon Camille Inès Hélène Amélie Élodie Mathéo Théo Louis Gabriel Raphaël
        Jérôme François Noël Benoît Loïc Maëlle Céline Sébastien Anaïs Clément Océane Étienne Gaëlle
        Zoé Aurélie""".split(),
        """Martin|Bernard|Dubois|Thomas|Robert|Richard|Petit|Durand|Leroy|Moreau|Simon|Laurent|
        Lefèvre|Michel|David|Bertrand|Roux|Vincent|Fournier|Morel|Girard|André|Lefebvre|Mercier|
        Dupont|Lambert|Bonnet|Fontaine|Rousseau|Chevalier|Gauthier|Perrin|Mathieu|Gérard|Boucher|
        Lemaître|Bézier|Deschênes""",
        "example.fr", "+33 6"),
    "es": (5, """José María Lucía Sofía Martín Mateo Alejandro Pablo Álvaro Adrián Javier Carmen Ana
        Laura Marta Raúl Andrés Inés Íñigo Begoña Nuria Jesús Ramón Rocío Elena Sergio Iván Ángela
        Mónica Joaquín""".split(),
        """García|Fernández|González|Rodríguez|López|Martínez|Sánchez|Pérez|Gómez|Martín|Jiménez|
        Ruiz|Hernández|Díaz|Moreno|Muñoz|Álvarez|Romero|Alonso|Gutiérrez|Navarro|Torres|Domínguez|
        Vázquez|Ramos|Gil|Ramírez|Serrano|Blanco|Molina|Morales|Suárez|Ortega|Delgado|Castro|Ortiz|
        Rubio|Marín|Sanz|Núñez|Iglesias|Medina|Garrido|Cortés|Castillo|Santos|Lozano|Guerrero|Cano|
        Prieto|Méndez|Cruz|Calvo|Gallego|Vidal|León|Márquez|Herrera|Peña|Cabrera|Ibáñez|Fariña""",
        "example.es", "+34 6"),
    "pt": (2, """João Conceição Gonçalo Inês Tomás Beatriz Leonor Rodrigo Afonso Mariana Sebastião
        Luís António Fátima Simão Vitória""".split(),
        """Silva|Santos|Ferreira|Pereira|Oliveira|Costa|Rodrigues|Martins|Sousa|Fernandes|Gonçalves|
        Gomes|Lopes|Marques|Alves|Almeida|Ribeiro|Pinto|Carvalho|Teixeira|Moreira|Correia|Mendes|
        Nunes|Soares|Vieira|Monteiro|Cardoso|Rocha|Magalhães|Simões|Brandão|Patrício|Araújo""",
        "example.pt", "+351 91"),
    "it": (3, """Giulia Francesco Alessandro Chiara Lorenzo Matteo Sofia Aurora Niccolò Federica
        Giuseppe Andrea Giorgia Luca Elisa Martina Davide Salvatore Gianluca Raffaella""".split(),
        """Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|Conti|
        De Luca|Mancini|Costa|Giordano|Rizzo|Lombardi|Moretti|Barbieri|Fontana|Santoro|Mariani|
        Rinaldi|Caruso|Ferrara|Galli|Martini|Leone|Longo|Gentile|D'Angelo|Marchetti|Parisi|
        Villa|De Santis|Fabbri|Niccolò|Forlì""",
        "example.it", "+39 3"),
    "nordic": (4, """Søren Mette Jørgen Åsa Björn Sigrid Lars Ingrid Nils Astrid Kjell Solveig Håkan
        Linnéa Mads Frederikke Rasmus Ida Magnus Freja Øystein Birgitta Torbjørn Åse
        Gunnar""".split(),
        """Nielsen|Jensen|Hansen|Pedersen|Andersen|Christensen|Larsen|Sørensen|Rasmussen|Jørgensen|
        Petersen|Madsen|Kristensen|Olsen|Thomsen|Johansson|Andersson|Karlsson|Nilsson|Eriksson|
        Larsson|Olsson|Persson|Svensson|Gustafsson|Lindström|Lindqvist|Bergström|Åberg|Sjöberg|
        Öberg|Håkansson|Løvaas|Bjørnstad|Haugen|Berg|Dahl|Lund|Strand|Holm|Ødegård""",
        "example.dk", "+45 2"),
    "pl": (4, """Agnieszka Małgorzata Łukasz Paweł Michał Katarzyna Krzysztof Wojciech Zofia Jakub
        Tomasz Joanna Bartłomiej Grzegorz Magdalena Piotr Ewa Stanisław Dorota Jędrzej""".split(),
        """Nowak|Mazur|Wójcik|Kowalczyk|Woźniak|Krawczyk|Król|Wieczorek|Wróbel|Stępień|Kaczmarek|
        Zając|Pietrzak|Dudek|Adamczyk|Sikora|Baran|Szewczyk|Michalak|Kubiak|Górecki|Jaworek|
        Walczak|Kołodziej|Ryś|Bąk""",
        "example.pl", "+48 5"),
    "tr": (5, """Mehmet Ayşe Fatma Mustafa Emine Ahmet Hatice Ali Zeynep Hüseyin Elif İbrahim Özlem
        Şükrü Gül Murat Yusuf Büşra Çağla Emre Gökhan Oğuz Sevgi Tuğba Ümit Kübra Serkan""".split(),
        """Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Yıldırım|Öztürk|Aydın|Özdemir|Arslan|Doğan|Kılıç|
        Aslan|Çetin|Kara|Koç|Kurt|Özkan|Şimşek|Polat|Korkmaz|Erdoğan|Güneş|Aktaş|Bulut|Keskin|
        Ünal|Güler|Turan|Akgül|Bayram""",
        "example.com.tr", "06-"),
    "ma": (4, """Mohamed Fatima Youssef Khadija Said Nadia Samira Karim Naima Hamza Imane Bilal
        Soufiane Ikram Rachid Latifa Anouar Meryem Ilias Amal Hicham Noura Zakaria Salma
        Ayoub""".split(),
        """El Amrani|Benali|El Idrissi|Bouzid|Ouali|El Khatib|Azzouzi|Boukhari|Chaouki|El Ouardi|
        Haddouchi|Tahiri|Bakkali|Ziani|El Hamdaoui|Benjelloun|Aït Lahcen|Boutaher|El Mansouri|
        Belhaj|Zaidi|Lamrani|Essaadi|Moussaoui|Ben Haddou|Ait Taleb""",
        "example.nl", "06-"),
    "en": (6, """Oliver Amelia Harry Olivia George Isla Jack Emily Charlie Poppy Thomas
        Jessica James William Grace Daniel Chloe Michael Sarah David Ryan Megan Liam Siobhán Seán
        Aoife Niamh
        Rhiannon Dylan Evie""".split(),
        """Smith|Jones|Williams|Taylor|Brown|Davies|Evans|Wilson|Thomas|Johnson|Roberts|Robinson|
        Thompson|Wright|Walker|White|Edwards|Hughes|Green|Hall|Lewis|Harris|Clarke|Patel|Jackson|
        Wood|Turner|Cooper|Hill|Ward|Morris|Moore|King|Baker|Harrison|Morgan|O'Brien|O'Connor|
        Murphy|Kelly|Ó Briain|MacDonald|Fitzgerald|Llewellyn""",
        "example.co.uk", "+44 7"),
}

# Who handles complaints (weights: some work full time, some part time) and who decides on
# escalations.
OWNERS = [("anna", 12), ("bram", 10), ("daan", 9), ("emma", 9), ("fatima", 8), ("jeroen", 8),
          ("kevin", 7), ("lotte", 7), ("maria", 6), ("noor", 6), ("pieter", 5), ("ruben", 5),
          ("sanne", 4), ("thijs", 2), ("yusuf", 2)]
MANAGERS = ["karin", "hans", "marieke", "ahmed"]

PRIORITIES = [("low", 12), ("normal", 60), ("high", 20), ("urgent", 8)]
CATEGORIES = [("delivery", 25), ("product", 20), ("billing", 15), ("service", 10),
              ("returns", 10), ("warranty", 8), ("installation", 5), ("website", 4), ("staff", 3)]
CHANNELS = [("email", 33), ("phone", 30), ("web", 12), ("chat", 9), ("in-person", 7),
            ("letter", 4), ("social", 4), ("other", 1)]
CLOSE_REASONS = [("resolved", 82), ("rejected", 8), ("withdrawn", 6), ("duplicate", 4)]
RATINGS = [(1, 8), (2, 10), (3, 20), (4, 35), (5, 27)]

# ---------------------------------------------------------------------------------------------
# Texts. Placeholders: {product} {problem} {order} {amount} {first} {owner} {to} {day} {time}
# {other}, filled in by SQL replace() per row.

PRODUCTS = """parcel|washing
        machine|dishwasher|fridge|laptop|phone|headphones|sofa|mattress|bicycle|
e-bike|coffee machine|vacuum cleaner|television|printer|floor lamp|desk chair|kitchen table|
winter coat|pair of running shoes|pair of jeans|dress|garden hose|lawn mower|barbecue|tent|
stroller|car seat|baby monitor|smartwatch|tablet|router|kettle|toaster|microwave|oven|air fryer|
blender|espresso machine|set of curtains|rug|wardrobe|bookcase|boiler|heat pump|solar panel|
thermostat|doorbell camera|electric toothbrush|hair dryer|suitcase|gaming console|camera|
bed frame|dining chair|bread maker|sewing machine|electric scooter|standing desk|wall
        oven""".split("|")

PROBLEMS = """arrived damaged|was never delivered|stopped working after a week|is missing parts|
does not match the order|was delivered to the wrong address|arrived two weeks late|was charged
        twice|
makes a loud noise|leaks water|will not turn on|smells of burning|has a deep scratch on the front|
came in the wrong colour|came in the wrong size|was returned but not refunded|keeps disconnecting|
overheats after ten minutes|broke during installation|came without a manual|has a cracked screen|
drains its battery within hours|shows error code E17|was cancelled without notice|
was billed after cancellation|is missing a screw|has a door that does not close|arrived used|
came with a faulty charger|cannot be assembled|was left outside in the rain|
cost more than advertised|did not get the discount code applied|
missed its installation appointment|had its warranty claim refused|rattles when in use|
stopped charging|is far too small|got lost in transit|was delivered without the remote""".split("|")

DUTCH_TITLES = """Pakket beschadigd aangekomen|Factuur dubbel betaald|Monteur niet komen opdagen|
Bestelling niet ontvangen|Verkeerde maat geleverd|Geen reactie op mijn e-mail|
Retour niet terugbetaald|Wasmachine lekt|Koelkast maakt lawaai|Levering te laat|
Klantenservice onbereikbaar|Garantie geweigerd|Kapotte lamp ontvangen|Bezorger was onbeleefd|
Café-tafel met krassen geleverd|Onderdelen ontbreken|Abonnement niet opgezegd|
Verkeerde kleur geleverd|Product werkt niet meer|Te veel betaald voor verzending""".split("|")

GREETINGS = ["Hello,", "Good morning,", "Dear customer service,", "Hi,", "Goedemiddag,",
             "Beste klantenservice,", "To whom it may concern,", "Hallo,", "Good afternoon,",
             "Dear Sir or Madam,"]

OPENINGS = [
    "I ordered a {product} (order {order}) and it {problem}.",
    "My {product} {problem}.",
    "The {product} from order {order} {problem}.",
    "Last week my {product} {problem}, and nobody has called me back.",
    "I am writing because the {product} I bought in your shop {problem}.",
    "Order {order}: the {product} {problem}.",
    "Again a problem with my {product}: it {problem}.",
    "Mijn {product} (bestelling {order}) {problem}.",
]

DETAILS = [
    "The box was crushed on one side.",
    "The courier left it with the neighbours without a note.",
    "I have attached photos of the damage.",
    "This is the second time this has happened.",
    "I already called twice and was promised a call back.",
    "The rubber seal on the door is torn.",
    "My bank statement shows two payments of {amount} euro.",
    "The tracking page has said 'in transit' for ten days.",
    "The engineer did not show up between 8:00 and 12:00.",
    "It worked for three days and then the display went dark.",
    "There is a strange smell when it heats up.",
    "My neighbour has the same model without any problems.",
    "The manual says to contact the dealer, which is you.",
    "I took a day off work to wait for the delivery.",
    "The café downstairs signed for it, but it never reached me.",
    "Ik heb al drie keer gebeld en niemand weet iets.",
    "De doos was helemaal nat en de inhoud beschadigd.",
    "We are expecting family for a reünie next weekend and need it working.",
    "The coördinator in the store promised a solution by Friday.",
    "The screen flickers when the brightness is low.",
    "The receipt is enclosed.",
    "I paid with iDEAL and the money has left my account.",
    "The chat agent closed the conversation without answering.",
    "The driver threw the package over the fence.",
    "The invoice lists a delivery fee even though delivery was free.",
    "Customer number and order number are on the attached invoice.",
    "The safety lock is broken, which is dangerous with small children.",
    "Half of the screws in the bag are the wrong size.",
    "The app says the device is offline although the wifi works fine.",
    "I returned it on {day} with the label you sent.",
    "The repair shop says the motherboard is faulty.",
    "Your website still shows the order as 'processing'.",
    "I have been a loyal customer for twelve years.",
    "The colour looks nothing like the photo on the website.",
    "It trips the circuit breaker in our kitchen.",
    "The technician said a spare part has to be ordered from Germany.",
    "The packaging was fine, so it must have been broken before shipping.",
    "My daughter noticed water under the appliance this morning.",
    "The noise is so loud that we cannot sleep.",
    "There was no reply to my e-mail of {day}.",
]

REQUESTS = [
    "I would like a refund.",
    "Please send a replacement.",
    "Can someone call me back?",
    "I want my money back.",
    "Please collect it and refund the full amount.",
    "I would like to know when it will be repaired.",
    "Please cancel the order and refund me.",
    "Can you send a technician?",
    "Graag een oplossing.",
    "Ik wil graag mijn geld terug.",
    "I expect a discount for the trouble.",
    "Please confirm by e-mail.",
    "I would like to return it.",
    "Please explain why I was charged.",
    "Otherwise I will take this to the Geschillencommissie.",
]

SIGNOFFS = ["Kind regards,", "Best regards,", "Met vriendelijke groet,", "Thanks,", "Groetjes,",
            "Regards,", "Mvg,", "Sincerely,"]

REPLIES = [
    "Called {first} back and apologised; a replacement is being arranged.",
    "Sent the return label by e-mail.",
    "Asked the customer for photos of the damage.",
    "Checked with the warehouse: the parcel is still at the depot in Nieuwegein.",
    "Explained the warranty terms; the customer is not happy with them.",
    "Booked a technician for {day} morning.",
    "Refund of {amount} euro requested from finance.",
    "Left a voicemail, will try again tomorrow.",
    "The customer confirmed the order number and address.",
    "Forwarded the photos to the supplier.",
    "Offered a voucher of {amount} euro as a goodwill gesture.",
    "Asked the carrier to investigate the delivery.",
    "Explained that the second charge is a reservation that disappears within 5 working days.",
    "Checked the serial number: still under warranty until next year.",
    "Spoke with {first}: wants a refund, not a repair.",
    "Teruggebeld, klant was niet bereikbaar.",
    "Sent the customer the manual as a PDF.",
    "Asked the supplier for a spare part; delivery time is two weeks.",
    "Confirmed by e-mail that we received the returned {product}.",
    "Apologised for the delay and promised an answer by {day}.",
]

FOLLOWUPS = [
    "Customer called again: still no news.",
    "Customer e-mailed photos of the damage.",
    "Customer says the replacement also arrived damaged.",
    "Customer asks when the technician will come.",
    "Customer is unhappy with the proposed voucher.",
    "Customer confirms the refund has not arrived yet.",
    "Klant belt opnieuw en is erg boos.",
    "Customer sent the receipt and the serial number.",
    "Customer mentions posting about this on social media.",
    "Customer asks to speak to a manager.",
    "Customer writes that the {product} works again after a reset.",
    "Customer will be on holiday until {day}; call after that.",
]

UPDATES = [
    "We have arranged a replacement {product}; it will be delivered on {day}.",
    "Your refund of {amount} euro has been processed and should arrive within 3 working days.",
    "Our technician will visit on {day} between 13:00 and 17:00.",
    "We are sorry for the trouble. A voucher of {amount} euro is on its way by e-mail.",
    "The carrier has found your parcel; it will be delivered tomorrow.",
    "We have credited the double charge; you will see it on your next statement.",
    "Please send the {product} back with the enclosed label; we will refund you on arrival.",
    "Thank you for your patience. The spare part has arrived and the repair is planned.",
    "Bedankt voor uw geduld; de terugbetaling is vandaag verwerkt.",
    "We have checked your invoice again and explained the charges in the attached letter.",
]

ESCALATION_REASONS = [
    "Refund of {amount} euro is above my limit",
    "Customer asks for compensation beyond the standard policy",
    "Supplier refuses the warranty claim",
    "Third complaint about the same order",
    "Customer threatens legal action",
    "Needs approval for a goodwill gesture of {amount} euro",
    "Technical issue the service desk cannot solve",
    "Customer asks to speak to a manager",
]

HANDOFF_REASONS = [
    "{to} handles warranty claims",
    "Going on holiday; {to} takes over",
    "Billing questions go to {to}",
    "{to} knows this customer",
    "Technician follow-up is done by {to}",
    "Workload: {to} has room this week",
]

REOPEN_REASONS = [
    "Customer says the problem is back",
    "The replacement is broken too",
    "The refund never arrived",
    "Customer disputes the resolution",
]

RESOLUTIONS = {
    "resolved": [
        "Refunded {amount} euro",
        "Sent a replacement {product}",
        "Repaired under warranty",
        "Issued a voucher of {amount} euro",
        "Credited the double charge",
        "Collected the {product} and refunded in full",
        "Technician replaced the faulty part",
        "Delivery rescheduled and completed",
        "Explained the invoice; the customer agreed",
        "Terugbetaald en excuses aangeboden",
        "Partial refund of {amount} euro for the inconvenience",
        "Exchanged for a new {product} in the store",
    ],
    "rejected": [
        "Rejected: the damage was caused by misuse",
        "Rejected: the warranty period has ended",
        "Rejected: the order was delivered and signed for",
    ],
    "withdrawn": [
        "Customer withdrew the complaint",
        "Customer found the missing part in the box",
    ],
    "duplicate": ["Duplicate of #{other}"],
}

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

MARKER_SENTENCE = f"PS: the {RARE_WORD} from the same order arrived fine."


def flat(text):
    return " ".join(text.split())


def weighted(pairs):
    """The list with each value repeated by its weight, to pick from with one choice."""
    out = []
    for value, weight in pairs:
        out += [value] * weight
    return out


# ---------------------------------------------------------------------------------------------
# Deterministic choices in SQL.

def coprime_exponents(count):
    """Exponents k with gcd(k, P - 1) = 1, so 16807^k is again a full-period multiplier."""
    out, k = [], 5
    while len(out) < count:
        if all(k % f for f in (2, 3, 7, 11, 31, 151, 331)):
            out.append(k)
        k += 2
    return out


class Choices:
    """Independent choices per row, from K Lehmer streams h1..hK (x' = a * x mod P, a different
    full-period multiplier per stream) advanced by a recursive CTE, one step per row.

    A choice among n takes (h / d) % n of a stream and multiplies d by n, so choices from one
    stream use different digits of it (mixed radix); a stream serves until about 2^24 of it is
    spent, which keeps each choice's bias below 1/128. Choices are named columns, so a later
    SELECT reads each once instead of SQLite re-evaluating a flattened expression."""

    def __init__(self, prefix, count, salt):
        self.prefix, self.count, self.salt = prefix, count, salt
        self.col, self.div = 1, 1
        self.columns = []  # (name, SQL)

    def digits(self, n):
        if self.div * n > 1 << 24:
            self.col, self.div = self.col + 1, 1
        if self.col > self.count:
            raise SystemExit(f"make-db.py: out of {self.prefix} streams; raise the count")
        h = f"{self.prefix}{self.col}"
        expr = f"(({h} / {self.div}) % {n})" if self.div > 1 else f"({h} % {n})"
        self.div *= n
        return expr

    def pick(self, name, n):
        """A column `name` of values 0..n-1."""
        self.columns.append((name, self.digits(n)))
        return name

    def percent(self, name, p):
        """A column `name`, 1 for about p % of the rows, else 0."""
        self.columns.append((name, f"({self.digits(100)} < {p})"))
        return name

    def recursive_cte(self, var, limit, raw_prefix="r", raw_count=0):
        """`seq(var, h1..hK, r1..rM)` counting var from 1 to limit; r1..rM are further streams
        kept raw, for choices made later (with Digits)."""
        total = self.count + raw_count
        exps = coprime_exponents(total + 2 * self.salt)[2 * self.salt:]
        mults = [pow(16807, k, P) for k in exps]
        seeds = [pow(48271, 1000 * self.salt + k + 1, P) for k in range(total)]
        names = [f"{self.prefix}{k + 1}" for k in range(self.count)] + \
            [f"{raw_prefix}{k + 1}" for k in range(raw_count)]
        first = ", ".join(str(x) for x in seeds)
        step = ", ".join(f"({c} * {m}) % {P}" for c, m in zip(names, mults))
        return (f"seq({var}, {', '.join(names)}) AS (SELECT 1, {first} UNION ALL "
                f"SELECT {var} + 1, {step} FROM seq WHERE {var} < {limit})")

    def select_list(self):
        return ",\n       ".join(f"{expr} AS {name}" for name, expr in self.columns)


class Digits:
    """Choices made inline from the stored streams of a row (for the events' texts)."""

    def __init__(self, prefix, count):
        self.inner = Choices(prefix, count, 0)

    def pick(self, n):
        return self.inner.digits(n)

    def percent(self, p):
        return f"({self.inner.digits(100)} < {p})"


def lookup_table(name, values):
    """A temp table name(k, v) of values 0..n-1."""
    rows = ",".join(f"({k},{q(v) if isinstance(v, str) else v})" for k, v in enumerate(values))
    return (f"CREATE TEMP TABLE {name} (k INTEGER PRIMARY KEY, v);\n"
            f"INSERT INTO {name} VALUES {rows};\n")


def placeholders(templates):
    found = set()
    for t in templates:
        found |= set(re.findall(r"\{(\w+)\}", t))
    return found


def fill(expr, used, values):
    """Nested replace() calls filling those {placeholders} that occur in the templates."""
    for key in sorted(used):
        expr = f"replace({expr}, '{{{key}}}', {values[key]})"
    return expr


def rfc3339(t):
    return f"strftime('%Y-%m-%dT%H:%M:%SZ', {t}, 'unixepoch')"


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: make-db.py N NOW")
    n = int(sys.argv[1])
    now = int(sys.argv[2])
    if n < 10:
        raise SystemExit("make-db.py: N must be at least 10")
    c_count = max(1, n * 3 // 10)
    window = max(1, min(n // 5, 7000))
    t_end = now - 60
    markers = sorted({1 + k * (n - 1) // (RARE_COUNT - 1) for k in range(RARE_COUNT)})
    out = []
    emit = out.append

    emit(f"""-- make-db.py {n} {now}: {c_count} customers, {n} complaints
.bail on
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -400000;
PRAGMA temp.cache_size = -400000;
PRAGMA mmap_size = 4000000000;
PRAGMA threads = 2;
CREATE TEMP TABLE clock (phase TEXT, at REAL);
INSERT INTO clock VALUES ('start', julianday('now'));
BEGIN;
-- The seed complaint that made ombud create the schema goes; numbering starts again at 1.
DELETE FROM events; DELETE FROM complaints; DELETE FROM customers; DELETE FROM sqlite_sequence;
""")

    lists = {}  # name -> values

    def table(name, values):
        lists[name] = values
        emit(lookup_table(name, values))

    table("t_origin", weighted([(k, v[0]) for k, v in ORIGINS.items()]))
    emit("CREATE TEMP TABLE t_first (g TEXT, k INTEGER, v TEXT, a TEXT, PRIMARY KEY (g, k));\n")
    emit("CREATE TEMP TABLE t_last (g TEXT, k INTEGER, v TEXT, a TEXT, PRIMARY KEY (g, k));\n")
    emit("CREATE TEMP TABLE t_place (g TEXT PRIMARY KEY, nf INTEGER, nl INTEGER, domain TEXT, "
         "phone TEXT);\n")
    for g, (_, firsts, lasts, domain, phone) in ORIGINS.items():
        lasts = [flat(x) for x in flat(lasts).replace("| ", "|").split("|")]
        emit("INSERT INTO t_first VALUES " + ",".join(
            f"({q(g)},{k},{q(v)},{q(ascii_of(v))})" for k, v in enumerate(firsts)) + ";\n")
        emit("INSERT INTO t_last VALUES " + ",".join(
            f"({q(g)},{k},{q(v)},{q(ascii_of(v))})" for k, v in enumerate(lasts)) + ";\n")
        emit(f"INSERT INTO t_place VALUES ({q(g)},{len(firsts)},{len(lasts)},{q(domain)},"
             f"{q(phone)});\n")

    table("t_owner", weighted([(k, w) for k, (_, w) in enumerate(OWNERS)]))  # owner numbers
    table("t_owner_name", [o for o, _ in OWNERS])
    table("t_manager", MANAGERS)
    table("t_priority", weighted(PRIORITIES))
    table("t_category", weighted(CATEGORIES))
    table("t_channel", weighted(CHANNELS))
    table("t_close_reason", weighted(CLOSE_REASONS))
    table("t_rating", weighted(RATINGS))
    table("t_product", [flat(x) for x in PRODUCTS])
    table("t_problem", [flat(x) for x in PROBLEMS])
    table("t_dutch_title", [flat(x) for x in DUTCH_TITLES])
    table("t_greeting", GREETINGS)
    table("t_opening", OPENINGS)
    table("t_detail", DETAILS)
    table("t_request", REQUESTS)
    table("t_signoff", SIGNOFFS)
    table("t_reply", REPLIES)
    table("t_followup", FOLLOWUPS)
    table("t_update", UPDATES)
    table("t_escalation", ESCALATION_REASONS)
    table("t_handoff", HANDOFF_REASONS)
    table("t_reopen", REOPEN_REASONS)
    table("t_day", DAYS)
    for reason, texts in RESOLUTIONS.items():
        table(f"t_res_{reason}", texts)
    emit("CREATE TEMP TABLE t_marker (i INTEGER PRIMARY KEY);\n")
    emit("INSERT INTO t_marker VALUES " + ",".join(f"({m})" for m in markers) + ";\n")

    def size(name):
        return len(lists[name])

    def lookup(name, index_column):
        return f"(SELECT v FROM {name} WHERE k = {index_column})"

    # Time of complaint i: spread evenly over SPAN up to t_end, in order of number.
    def created(i):
        return f"({t_end} - (({n} - {i}) * {SPAN}) / {n})"

    # ---------------------------------------------------------------------------------------
    # Customers. Customer j first appears with complaint ceil((j-1)*N/C)+1 (see the plan).
    ch = Choices("h", 4, 1)
    ch.pick("g", size("t_origin"))
    ch.pick("fk", 1 << 12)
    ch.pick("lk", 1 << 12)
    ch.pick("l2k", 1 << 12)
    ch.percent("dutch", 10)  # married or second-generation: a Dutch surname
    ch.percent("has_email", 88)
    ch.percent("has_phone", 55)
    ch.pick("form", 4)
    ch.percent("generic", 35)
    emit(f"""
INSERT INTO clock VALUES ('lists', julianday('now'));
INSERT INTO customers (id, name, email, phone, created_at)
WITH RECURSIVE {ch.recursive_cte("j", c_count)},
d AS (SELECT j, {ch.select_list()} FROM seq),
-- lg: where the surname comes from; Spanish names have two.
e AS (SELECT d.*, o.v AS og, CASE WHEN dutch AND o.v NOT IN ('nl', 'es') THEN 'nl' ELSE o.v END
             AS lg FROM d CROSS JOIN t_origin o ON o.k = d.g)
SELECT j, f.v || ' ' || l.v || CASE WHEN e.og = 'es' THEN ' ' || l2.v ELSE '' END,
       CASE WHEN has_email THEN
           CASE form WHEN 0 THEN f.a || '.' || l.a WHEN 1 THEN f.a || l.a
                     WHEN 2 THEN substr(f.a, 1, 1) || '.' || l.a ELSE l.a || '.' || f.a END
           || j || '@' || CASE WHEN generic THEN 'example.com' ELSE p.domain END END,
       CASE WHEN has_phone OR NOT has_email THEN
           p.phone || printf('%08d', (j * 73939133) % 100000000) END,
       {created(f"(((j - 1) * {n} + {c_count} - 1) / {c_count} + 1)")}
FROM e CROSS JOIN t_place p ON p.g = e.og
CROSS JOIN t_first f ON f.g = e.og AND f.k = e.fk % p.nf
CROSS JOIN t_place pl ON pl.g = e.lg
CROSS JOIN t_last l ON l.g = e.lg AND l.k = e.lk % pl.nl
CROSS JOIN t_last l2 ON l2.g = e.lg AND l2.k = e.l2k % pl.nl;
""")

    # ---------------------------------------------------------------------------------------
    # The plan: every decision about complaint i, made once, for its row and its events.
    text_streams = 8
    c = Choices("h", 16, 2)
    for name, p in [("reopen_closed", 3), ("reopen_open", 8), ("esc_once", 12),
                    ("esc_twice", 25), ("asg", 15), ("out1", 80), ("in2", 50), ("out2", 45),
                    ("no_customer", 3), ("regular", 2), ("esc_due1", 70), ("esc_due2", 70),
                    ("esc_text1", 90), ("esc_text2", 90), ("has_due", 85),
                    ("dutch_title", 10), ("rated", 65), ("has_resolution", 92)]:
        c.percent(name, p)
    for name, size_ in [("s", 100), ("regular_pick", 1 << 14), ("earlier_pick", 1 << 20),
                        ("life_a", 1600), ("life_b", 1600), ("o0", size("t_owner")),
                        ("owner_step", len(OWNERS) - 1), ("m1", len(MANAGERS)),
                        ("mgr_step", len(MANAGERS) - 1), ("esc_hours1", 68),
                        ("esc_hours2", 68), ("due_days", 12), ("other", 50),
                        ("amount", 100), ("amount2", 100)]:
        c.pick(name, size_)
    for name in ["t_escalation", "t_priority", "t_category", "t_channel", "t_product",
                 "t_problem", "t_dutch_title", "t_close_reason", "t_rating", "t_res_resolved",
                 "t_res_rejected", "t_res_withdrawn"]:
        c.pick("k" + name[1:], size(name))
    c.pick("k_escalation2", size("t_escalation"))
    texts_cte = ", ".join(f"t{k}" for k in range(1, text_streams + 1))
    n_owner = len(OWNERS)

    def fill_list(expr, name, values):
        return fill(expr, placeholders(lists[name]), values)

    res_values = {"amount": "(5 * (2 + amount))", "product": "product",
                  "other": "max(1, i - 1 - other)"}
    emit(f"""
INSERT INTO clock VALUES ('customers', julianday('now'));
CREATE TEMP TABLE plan0 AS
WITH RECURSIVE {c.recursive_cte("i", n, "t", text_streams)}
SELECT CAST(i AS INTEGER) AS i, {c.select_list()},
       {texts_cte}
FROM seq;
""")
    emit(f"""
CREATE TEMP TABLE plan AS
-- block: the customer whose first complaint this would be; first: it is.
WITH d AS (SELECT *, {created("i")} AS c0, i > {n - window} AS win,
                  1 + ((i - 1) * {c_count}) / {n} AS block,
                  i = 1 OR ((i - 1) * {c_count}) / {n} <> ((i - 2) * {c_count}) / {n} AS first
           FROM plan0),
e AS (SELECT *, CASE WHEN NOT win OR s < 30 THEN 'closed' WHEN s < 85 THEN 'open'
                     ELSE 'escalated' END AS status FROM d),
f AS (SELECT *, CASE status WHEN 'closed' THEN reopen_closed WHEN 'open' THEN reopen_open
                     ELSE 0 END AS reopen FROM e),
g AS (SELECT *, CASE WHEN status = 'escalated' THEN 1 + esc_twice
                     WHEN status = 'open' AND NOT reopen THEN 0
                     ELSE esc_once * (1 + esc_twice) END AS esc_n,
             min(600 + life_a * life_b, {t_end} - c0) AS life,
             CASE WHEN status = 'closed' THEN {lookup("t_close_reason", "k_close_reason")} END
                 AS cr,
             CASE WHEN first THEN block WHEN no_customer THEN NULL
                  WHEN regular AND block > 1000
                      THEN 1 + 1000 * (regular_pick % ((block - 1) / 1000 + 1))
                  ELSE 1 + earlier_pick % block END AS cust,
             {lookup("t_product", "k_product")} AS product,
             {lookup("t_problem", "k_problem")} AS problem
      FROM f)
SELECT CAST(i AS INTEGER) AS i, cust,
       (SELECT substr(name, 1, instr(name || ' ', ' ') - 1) FROM customers WHERE id = cust)
           AS first,
       c0, life, status, reopen, esc_n, asg, out1, in2, out2,
       (SELECT v FROM t_owner_name WHERE k = {lookup("t_owner", "o0")}) AS owner0,
       (SELECT v FROM t_owner_name
        WHERE k = ({lookup("t_owner", "o0")} + 1 + owner_step) % {n_owner}) AS owner1,
       {lookup("t_priority", "k_priority")} AS priority,
       {lookup("t_category", "k_category")} AS category,
       {lookup("t_channel", "k_channel")} AS channel,
       CASE WHEN has_due THEN c0 - c0 % 86400 + 86400 * (2 + due_days) + 82799 END AS due,
       CASE WHEN dutch_title THEN {lookup("t_dutch_title", "k_dutch_title")}
            ELSE upper(substr(product, 1, 1)) || substr(product, 2) || ' ' || problem END
           AS title,
       product, problem,
       (SELECT v FROM t_manager WHERE k = m1) AS mgr1,
       (SELECT v FROM t_manager WHERE k = (m1 + 1 + mgr_step) % {len(MANAGERS)}) AS mgr2,
       CASE WHEN esc_n >= 1 AND esc_text1
            THEN {fill_list(lookup("t_escalation", "k_escalation"), "t_escalation",
                            res_values)} END AS esc_reason1,
       CASE WHEN esc_n >= 2 AND esc_text2
            THEN {fill_list(lookup("t_escalation", "k_escalation2"), "t_escalation",
                            dict(res_values, amount="(5 * (2 + amount2))"))} END
           AS esc_reason2,
       CASE WHEN esc_n >= 1 AND esc_due1
            THEN c0 + life * 200 / 1000 + 3600 * (4 + esc_hours1) END AS esc_due1,
       CASE WHEN esc_n >= 2 AND esc_due2
            THEN c0 + life * 300 / 1000 + 3600 * (4 + esc_hours2) END AS esc_due2,
       cr AS close_reason,
       CASE WHEN has_resolution THEN CASE cr
            WHEN 'resolved' THEN {fill_list(lookup("t_res_resolved", "k_res_resolved"),
                                            "t_res_resolved", res_values)}
            WHEN 'rejected' THEN {lookup("t_res_rejected", "k_res_rejected")}
            WHEN 'withdrawn' THEN {lookup("t_res_withdrawn", "k_res_withdrawn")}
            WHEN 'duplicate' THEN 'Duplicate of #' || max(1, i - 1 - other) END END
           AS resolution,
       CASE WHEN status = 'closed' AND rated THEN {lookup("t_rating", "k_rating")} END
           AS rating,
       i IN (SELECT i FROM t_marker) AS marker,
       {texts_cte}
FROM g;
CREATE UNIQUE INDEX plan_by_i ON plan (i);
DROP TABLE plan0;
""")

    # ---------------------------------------------------------------------------------------
    # Events: which of the twelve steps each complaint went through and when (its share of the
    # complaint's life, in thousandths), then all of them in order of time, so event numbers
    # grow with time as they do in a real file.
    t = Digits("p.t", text_streams)
    values = {
        "product": "p.product",
        "problem": "p.problem",
        "first": "coalesce(p.first, 'there')",
        "to": "p.owner1",
        "day": f"(SELECT v FROM t_day WHERE k = {t.pick(size('t_day'))})",
        "amount": f"(5 * (2 + {t.pick(100)}))",
        "order": f"(1000000 + {t.pick(5000000)})",
    }

    def text(name):
        return fill_list(lookup(name, t.pick(size(name))), name, values)

    note_in1 = (f"{lookup('t_greeting', t.pick(size('t_greeting')))} || char(10, 10) || "
                f"{text('t_opening')} || ' ' || {text('t_detail')} || ' ' || "
                f"{text('t_request')} || CASE WHEN p.marker THEN {q(' ' + MARKER_SENTENCE)} "
                f"ELSE '' END || char(10, 10) || "
                f"{lookup('t_signoff', t.pick(size('t_signoff')))}"
                f" || coalesce(char(10) || p.first, '')")
    reply_channel = f"CASE WHEN {t.percent(50)} THEN 'phone' ELSE 'email' END"
    rating1 = f"CASE WHEN {t.percent(60)} THEN {lookup('t_rating', t.pick(size('t_rating')))} END"
    owner_now = "CASE WHEN p.asg THEN p.owner1 ELSE p.owner0 END"
    steps = [  # slot, thousandths of the life, present when, kind
        (1, 0, "1", "opened"),
        (2, 1, "1", "note"),
        (3, 100, "p.out1", "note"),
        (4, 200, "p.esc_n >= 1", "escalated"),
        (5, 300, "p.esc_n >= 2", "escalated"),
        (6, 400, "p.asg", "assigned"),
        (7, 500, "p.in2", "note"),
        (8, 600, "p.out2", "note"),
        (9, 700, "p.reopen", "closed"),
        (10, 800, "p.reopen", "reopened"),
        (11, 850, "p.reopen", "note"),
        (12, 1000, "p.status = 'closed'", "closed"),
    ]
    texts = {
        2: note_in1,
        3: text("t_reply"),
        4: "p.esc_reason1",
        5: "p.esc_reason2",
        6: text("t_handoff"),
        7: text("t_followup"),
        8: text("t_update"),
        9: text("t_res_resolved"),
        10: text("t_reopen"),
        11: text("t_followup"),
        12: "p.resolution",
    }
    customer = ("(SELECT json_object('email', email, 'name', name, 'phone', phone) "
                "FROM customers WHERE id = p.cust)")
    data = {
        1: (f"json_object('category', p.category, 'customer', json({customer}), "
            f"'customer_id', p.cust, 'due', {rfc3339('p.due')}, 'owner', p.owner0, "
            f"'priority', p.priority, 'title', p.title)"),
        4: (f"json_object('due', {rfc3339('p.esc_due1')}, 'from', NULL, 'level', 1, "
            f"'to', p.mgr1)"),
        5: (f"json_object('due', {rfc3339('p.esc_due2')}, 'from', p.mgr1, 'level', 2, "
            f"'to', p.mgr2)"),
        6: "json_object('from', p.owner0, 'handoffs', 1, 'to', p.owner1)",
        9: f"json_object('rating', {rating1}, 'reason', 'resolved')",
        10: "json_object('previous_close_reason', 'resolved')",
        12: "json_object('rating', p.rating, 'reason', p.close_reason)",
    }
    channels = {1: "p.channel", 2: "p.channel", 3: reply_channel, 7: "p.channel",
                8: "'email'", 11: "p.channel"}
    directions = {2: "'in'", 3: "'out'", 7: "'in'", 8: "'out'", 11: "'in'"}

    def by_slot(values_, default):
        whens = " ".join(f"WHEN {slot} THEN {v}" for slot, v in values_.items())
        return f"CASE ev.slot {whens} ELSE {default} END"

    steps_sql = ", ".join(f"({slot}, {share}, {q(kind)})" for slot, share, _, kind in steps)
    present = " ".join(f"WHEN {slot} THEN {cond}" for slot, _, cond, _ in steps)
    emit(f"""
INSERT INTO clock VALUES ('plan', julianday('now'));
INSERT INTO complaints (id, title, status, priority, category, channel, customer_id, owner,
                        handoffs, escalation_level, escalated_to, escalation_reason,
                        escalation_due, due, created_at, updated_at, closed_at, close_reason,
                        resolution, rating)
SELECT i, title, status, priority, category, channel, cust,
       CASE WHEN asg THEN owner1 ELSE owner0 END, asg,
       CASE WHEN status = 'escalated' THEN esc_n ELSE 0 END,
       CASE WHEN status = 'escalated' THEN CASE esc_n WHEN 2 THEN mgr2 ELSE mgr1 END END,
       CASE WHEN status = 'escalated' THEN CASE esc_n WHEN 2 THEN esc_reason2 ELSE esc_reason1 END
       END,
       CASE WHEN status = 'escalated' THEN CASE esc_n WHEN 2 THEN esc_due2 ELSE esc_due1 END END,
       due, c0,
       c0 + life * (CASE WHEN status = 'closed' THEN 1000 WHEN reopen THEN 850 WHEN out2 THEN 600
                         WHEN in2 THEN 500 WHEN asg THEN 400 WHEN esc_n >= 2 THEN 300
                         WHEN esc_n >= 1 THEN 200 WHEN out1 THEN 100 ELSE 1 END) / 1000,
       CASE WHEN status = 'closed' THEN c0 + life END,
       close_reason, CASE WHEN status = 'closed' THEN resolution END, rating
FROM plan ORDER BY i;

INSERT INTO clock VALUES ('complaints', julianday('now'));
CREATE TEMP TABLE step (slot INTEGER PRIMARY KEY, share INTEGER, kind TEXT);
INSERT INTO step VALUES {steps_sql};
CREATE TEMP TABLE ev (at INTEGER, cid INTEGER, slot INTEGER, PRIMARY KEY (at, cid, slot))
    WITHOUT ROWID;
INSERT INTO ev
SELECT p.c0 + p.life * s.share / 1000, p.i, s.slot
FROM plan p CROSS JOIN step s
WHERE CASE s.slot {present} END;

INSERT INTO clock VALUES ('event times', julianday('now'));
INSERT INTO events (complaint_id, at, actor, kind, text, channel, direction, visible, data)
SELECT ev.cid, ev.at, CASE WHEN ev.slot <= 6 THEN p.owner0 ELSE {owner_now} END, s.kind,
       {by_slot(texts, "NULL")},
       {by_slot(channels, "NULL")},
       {by_slot(directions, "NULL")},
       ev.slot = 8,
       {by_slot(data, "'{}'")}
FROM ev CROSS JOIN plan p ON p.i = ev.cid CROSS JOIN step s ON s.slot = ev.slot
ORDER BY ev.at, ev.cid, ev.slot;
DROP TABLE ev;
DROP TABLE plan;
COMMIT;
INSERT INTO clock VALUES ('events', julianday('now'));
""")
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
