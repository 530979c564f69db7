"""SSI pages as members copy them (select all, copy), shaped as domain.md describes."""

#: English, exactly as domain.md quotes it, with the peers' label-first rows after it.
ENGLISH = """Your Social Selling Index
Industry SSI rank
Top 65%
Network SSI rank
Top 71%
Current Social Selling Index
23 out of 100
Four components of your score
12.275  Establish your professional brand
6  Find the right people
3.1  Engage with insights
1.948  Build relationships
Sales professionals in the Software Development industry have an average SSI of 31.
People in your network have an average SSI of 30.
No change since last week
Industry
Establish your professional brand\t9.5
Find the right people\t7.25
Engage with insights\t6
Build relationships\t8.4
Network
Establish your professional brand\t8
Find the right people\t7
Engage with insights\t7.1
Build relationships\t8
"""

#: Portuguese (Brazil): decimal commas, "Primeiros 9%", "53 de 100", values on their own lines,
#: non-breaking spaces and blank lines as a browser copies them.
PORTUGUESE = (
    "Seu Social Selling Index\n\nClassificação do SSI no setor\nPrimeiros\u00a09%\n"
    "Classificação do SSI na rede\nPrimeiros 12%\n\nSocial Selling Index atual\n"
    "53\u00a0de\u00a0100\nQuatro componentes da sua pontuação\n"
    "20,998\nEstabelecer sua marca profissional\n"
    "6,4\nLocalizar as pessoas certas\n"
    "10,25\nInteragir oferecendo insights\n"
    "15\nCriar relacionamentos\n\n"
    "Profissionais de vendas do setor de Desenvolvimento de software têm um SSI médio de 34.\n"
    "As pessoas da sua rede têm um SSI médio de 28,5.\n"
    "Sem alterações desde a semana passada\n"
)

#: German: "Top 12 %" with a space, "47 von 100", tab-separated value and name.
GERMAN = """Ihr Social Selling Index
SSI-Rang in der Branche
Top 12 %
SSI-Rang im Netzwerk
Top 20 %
Aktueller Social Selling Index
47 von 100
Vier Komponenten Ihres Scores
14,5\tProfessionelle Marke etablieren
10\tDie richtigen Personen finden
11,25\tMit Insights interagieren
11,3\tBeziehungen aufbauen
Vertriebsprofis in der Branche Softwareentwicklung haben einen durchschnittlichen SSI von 29.
Personen in Ihrem Netzwerk haben einen durchschnittlichen SSI von 33.
"""

#: French: "sur 100", narrow no-break spaces before "%".
FRENCH = (
    "Votre Social Selling Index\nClassement SSI dans le secteur\nTop 5\u202f%\n"
    "Classement SSI dans le réseau\nTop 8\u202f%\nSocial Selling Index actuel\n"
    "71 sur 100\nQuatre composantes de votre score\n"
    "19,5 Établir votre marque professionnelle\n17 Trouver les bonnes personnes\n"
    "16,75 Échanger des informations\n18 Développer des relations\n"
    "Les professionnels de la vente du secteur Logiciels ont un SSI moyen de 27.\n"
    "Les membres de votre réseau ont un SSI moyen de 35.\n"
)

#: A page copied before it loaded: every figure shows 0.
ZEROS = (
    ENGLISH.replace("23 out of 100", "0 out of 100")
    .replace("12.275", "0")
    .replace("6  Find", "0  Find")
    .replace("3.1", "0")
    .replace("1.948", "0")
)

#: The top of the page only: ranks, the total and two pillars.
HALF = "\n".join(ENGLISH.splitlines()[:10])

JUNK = "Dear Ana,\nthe meeting moved to 3 pm, room 12.\nSee you 14 out of 100 times!\n"
