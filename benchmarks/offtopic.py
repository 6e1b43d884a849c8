"""Off-topic news for the mixed-stream benchmark, generated (never downloaded): the bulk of a day of world news
is sport, weather, markets, gadgets, culture, local crime and health, and some of it is *near* the topic —
the domestic politics of the very states the issues are about, and other wars.

Each document has the shapes of the real corpus: a headline, a dateline ("ALMATY, 14 March (Wire) -"), a
byline, paragraphs, quotes with attribution, numbers with units, and sometimes a "Related" footer. Texts
are assembled from sentence templates with many slots, drawn with a seeded RNG, so that two documents share
few word sequences (they must not be near-duplicates of one another, or the bench would measure dedupe).

    python benchmarks/offtopic.py OUT_DIR --n 700 --seed 1
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

FIRST = ["Aigerim", "Daniyar", "Madina", "Timur", "Elena", "Marco", "Priya", "Kwame", "Sofia", "Lars", "Hana",
         "Omar", "Lucia", "Tomasz", "Mei", "Rafael", "Ingrid", "Yusuf", "Chloe", "Arjun", "Zarina", "Pavel",
         "Grace", "Kenji", "Amara", "Felix", "Nadia", "Diego", "Leila", "Sven", "Ruth", "Bakhyt", "Nilufar"]
LAST = ["Sadykova", "Bekov", "Rossi", "Okafor", "Lindqvist", "Novak", "Tanaka", "Haddad", "Moreau", "Silva",
        "Kowalski", "Chen", "Mensah", "Ivanova", "Garcia", "Schmidt", "Abdullaev", "Nurlanov", "Park", "Walsh",
        "Fischer", "Yilmaz", "Costa", "Dubois", "Kaur", "Berg", "Osei", "Romero", "Hughes", "Petrov"]
CITIES = ["Almaty", "Tashkent", "Bishkek", "Lyon", "Porto", "Leeds", "Osaka", "Nairobi", "Calgary", "Adelaide",
          "Krakow", "Bergen", "Cordoba", "Pune", "Accra", "Graz", "Tampere", "Valencia", "Busan", "Dunedin",
          "Shymkent", "Samarkand", "Karaganda", "Bologna", "Ghent", "Utrecht", "Curitiba", "Mysore", "Kumasi"]
OUTLETS = ["City Desk", "Metro Daily", "Regional Times", "Morning Ledger", "Weekend Post", "Valley Courier",
           "Evening Standardbearer", "Coastal Herald", "Highland Gazette", "Riverside News"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TEAMS = ["Rovers", "United", "Athletic", "Wanderers", "City", "Dynamo", "Olympic", "Rangers", "Sporting", "Albion"]
COMPANIES = ["Northwind Logistics", "Brightpath Foods", "Solvane Energy", "Kestrel Motors", "Aralia Textiles",
             "Bluefin Telecom", "Orchard Retail", "Granite Cement", "Lumen Pharma", "Vektor Software",
             "Silkline Airways", "Harbor Insurance", "Tulpar Dairy", "Meridian Steel", "Quanta Chips"]
PRODUCTS = ["smartphone", "laptop", "smartwatch", "electric scooter", "home robot", "tablet", "e-reader",
            "wireless earbuds", "games console", "drone", "fitness tracker", "smart speaker"]


STATES = [("Kazakhstan", "Astana"), ("Uzbekistan", "Tashkent"), ("Kyrgyzstan", "Bishkek"), ("Tajikistan", "Dushanbe"),
          ("Mongolia", "Ulaanbaatar"), ("Georgia", "Tbilisi"), ("Armenia", "Yerevan"), ("Moldova", "Chisinau")]
WARS = [("Sudan", "Sudanese"), ("Myanmar", "Burmese"), ("Yemen", "Yemeni"), ("Somalia", "Somali"), ("Mali", "Malian"),
        ("Libya", "Libyan"), ("Ethiopia", "Ethiopian")]


def _name(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def _slots(r: random.Random) -> dict[str, str]:
    state, capital = r.choice(STATES)
    war, war_adj = r.choice(WARS)
    return {
        "state": state, "capital": capital, "war": war, "war_adj": war_adj, "name": _name(r), "name2": _name(r), "name3": _name(r), "city": r.choice(CITIES), "city2": r.choice(CITIES),
        "day": r.choice(DAYS), "month": r.choice(MONTHS), "team": f"{r.choice(CITIES)} {r.choice(TEAMS)}",
        "team2": f"{r.choice(CITIES)} {r.choice(TEAMS)}", "co": r.choice(COMPANIES), "co2": r.choice(COMPANIES),
        "product": r.choice(PRODUCTS), "n1": str(r.randint(2, 9)), "n2": str(r.randint(10, 95)),
        "n3": str(r.randint(100, 990)), "n4": f"{r.randint(1, 40)}.{r.randint(0, 9)}", "pct": f"{r.randint(1, 19)}.{r.randint(1, 9)}",
        "year": str(r.randint(2015, 2024)), "age": str(r.randint(19, 78)), "deg": str(r.randint(-25, 41)),
        "mm": str(r.randint(5, 180)), "kmh": str(r.randint(30, 140)), "score": f"{r.randint(0, 4)}-{r.randint(0, 4)}",
        "mins": str(r.randint(3, 90)),
    }


BANKS: dict[str, list[str]] = {
    "sport": [
        "{team} beat {team2} {score} on {day} night, with {name} scoring in the {mins}th minute.",
        "The coach, {name}, said his side had \"found a way to win when it mattered\" after a nervy second half.",
        "{name} finished the {n2}-kilometre stage in {n1} hours and {n2} minutes, {n1} seconds ahead of the favourite.",
        "A crowd of {n3} hundred watched the derby at the renovated stadium in {city}.",
        "\"We trained for this all winter,\" {name} told reporters. \"The legs were heavy but the head was clear.\"",
        "The league confirmed that the postponed fixture will be played in {month} at a neutral ground.",
        "{name2}, {age}, announced her retirement from the national volleyball squad after {n2} caps.",
        "The swimming federation said the junior championships in {city2} drew {n3} entrants, a record.",
        "Ticket prices for the cup final rise by {pct} percent this season, the organisers said.",
        "The goalkeeper was substituted at half-time with a suspected hamstring injury.",
        "{team2} have now gone {n1} matches without a win and sit {n1} points above the relegation zone.",
        "The chess club of {city} won the regional rapid tournament on tie-breaks.",
        "Marathon organisers in {city} moved the start to 7 a.m. because of the forecast heat.",
        "The referee showed {n1} yellow cards in a scrappy first half.",
        "Fans queued from dawn outside the club shop for the new away shirt.",
        "The transfer fee was reported at {n2} million euros, a club record for a defender.",
        "{name} said the boxing bout would go ahead despite the weigh-in controversy.",
        "Youth coaches say enrolment in the football academy has doubled since {year}.",
        "The tennis academy in {city2} will host an under-16 tournament in {month}.",
        "The hockey season opens on {day} with a sold-out game against {team}.",
    ],
    "weather": [
        "Forecasters expect temperatures in {city} to reach {deg} degrees Celsius by {day} afternoon.",
        "Heavy rain of up to {mm} millimetres is expected in the foothills overnight, the weather service said.",
        "Gusts of {kmh} kilometres per hour brought down trees and power lines across the {city} region.",
        "\"Drivers should avoid the mountain pass until the snow ploughs have been through,\" said {name} of the road authority.",
        "The hydrometeorological centre issued an orange warning for fog along the river valley.",
        "Farmers said the late frost in {month} had damaged apricot blossom in several districts.",
        "The lake level has fallen by {n1} metres since {year}, according to the monitoring station.",
        "Schools in {city2} switched to remote lessons for two days because of the cold snap.",
        "Air quality in the city centre was rated poor on {day} as smog settled over the valley.",
        "Residents shovelled snow from their cars after {n2} centimetres fell in a single night.",
        "The rainfall total for {month} was {pct} times the long-term average.",
        "Meteorologists said a high-pressure system would bring clear skies over the weekend.",
        "\"It is the warmest {month} we have measured in {n2} years,\" {name} said.",
        "Flood barriers were raised along the embankment as a precaution.",
        "The city opened {n1} cooling centres for elderly residents during the heatwave.",
        "Hail the size of walnuts damaged greenhouses on the outskirts of {city}.",
        "The ski resort above {city2} expects to open its upper lifts on {day}.",
        "Pollen counts will stay high until the end of {month}, allergists warned.",
    ],
    "business": [
        "{co} reported quarterly revenue of {n3} million dollars, up {pct} percent from a year earlier.",
        "Shares of {co} rose {pct} percent in morning trading after the results.",
        "The chief executive, {name}, said the company would open {n1} new stores in {city} next year.",
        "{co} agreed to buy {co2} for {n2} million dollars in cash, subject to regulatory approval.",
        "\"Demand held up better than we feared,\" {name2}, the chief financial officer, told analysts.",
        "The central bank kept its policy rate unchanged at {n4} percent, as expected.",
        "Retail sales in {city} grew {pct} percent in {month}, the statistics office said.",
        "The company plans to hire {n3} workers for its new warehouse near {city2}.",
        "Analysts had expected earnings of {n4} cents a share.",
        "The dairy cooperative raised milk prices by {pct} percent, citing feed costs.",
        "{co} shares have gained {n2} percent since January.",
        "The bond issue of {n3} million was oversubscribed {n1} times, the underwriter said.",
        "Start-ups in {city} raised {n2} million dollars in venture funding last quarter.",
        "Mortgage lending slowed for a third month as rates stayed high.",
        "The airline added {n1} routes from {city2} for the summer schedule.",
        "Fuel prices at the pump rose by {n1} cents a litre this week.",
        "The board proposed a dividend of {n4} per share.",
        "Rental prices for offices in the business district fell {pct} percent.",
    ],
    "tech": [
        "{co} unveiled a {product} with a battery it says lasts {n2} hours.",
        "The new {product} will go on sale in {month} for {n3} dollars.",
        "\"We rebuilt the software from the ground up,\" said {name}, head of product at {co}.",
        "Reviewers praised the screen but said the camera struggled in low light.",
        "The app was downloaded {n2} thousand times in its first week.",
        "A software update fixed a bug that drained batteries overnight, the company said.",
        "Researchers at the university in {city} built a chip that uses {pct} times less power.",
        "The start-up's chatbot answers questions about bus timetables in {n1} languages.",
        "Engineers said the data centre would be cooled with water from the lake.",
        "The city's free public wifi now covers {n2} squares and parks.",
        "{name2} said the robot vacuum maps a flat in under {n1} minutes.",
        "A coding bootcamp in {city2} said {n2} percent of its graduates found jobs within six months.",
        "The games studio delayed its release to {month} to polish the multiplayer mode.",
        "Cybersecurity experts urged users to update their routers after a flaw was found.",
        "The satellite internet service now reaches {n3} villages, the provider said.",
        "Developers can test the new {product} platform from {day}.",
        "The e-commerce platform processed {n3} thousand orders during the sale.",
    ],
    "culture": [
        "The exhibition of {name}'s paintings opens at the {city} art museum on {day}.",
        "The orchestra will perform {n1} symphonies over the festival's {n2} days.",
        "\"I wanted the film to feel like a memory,\" director {name} said after the premiere.",
        "The novel, {name2}'s third, follows a family of beekeepers over three generations.",
        "Tickets for the jazz festival in {city2} sold out in {n2} minutes.",
        "The theatre company staged a new adaptation of a classic comedy.",
        "The library reopened after a renovation that cost {n3} thousand dollars.",
        "A folk ensemble from {city} played traditional instruments to a packed hall.",
        "Critics called the choreography bold and the staging spare.",
        "The photographer spent {n1} years documenting fishing villages along the coast.",
        "The film festival in {city2} received {n3} submissions this year.",
        "\"Audiences came back after the pandemic, and they came back hungry,\" said {name3}, the festival's director.",
        "The museum's night opening drew {n3} visitors.",
        "The restored cinema will screen silent films with live piano accompaniment.",
        "A street art festival painted {n2} murals on apartment blocks.",
        "The poet read from her new collection at the bookshop on {day}.",
        "The opera season opens in {month} with a new production.",
    ],
    "crime": [
        "Police in {city} arrested a {age}-year-old man on suspicion of burglary on {day}.",
        "Officers recovered {n1} stolen bicycles from a garage in the eastern district.",
        "\"We ask anyone who saw the car to come forward,\" said police spokesman {name}.",
        "The court sentenced the defendant to {n1} years in prison for fraud.",
        "Investigators said the suspects posed as bank employees to trick pensioners.",
        "A shop on the main street was robbed shortly before closing time.",
        "The fire service said the blaze at the warehouse was started deliberately.",
        "Prosecutors said the scheme cost victims about {n3} thousand dollars.",
        "Two men were detained after a fight outside a bar in {city2}.",
        "The district court adjourned the trial until {month}.",
        "Traffic police fined {n3} drivers for speeding during the weekend operation.",
        "A {age}-year-old woman was taken to hospital after being hit by a car.",
        "Detectives are examining footage from {n1} security cameras.",
        "The defence lawyer, {name2}, said her client would appeal.",
        "Neighbours said they heard shouting before the police arrived.",
        "The city council voted to install more street lights in the park after a spate of thefts.",
        "Customs officers found {n2} kilograms of counterfeit cigarettes in a lorry.",
    ],
    "health": [
        "The regional hospital in {city} opened a new cardiology ward with {n2} beds.",
        "Doctors urged parents to vaccinate children against measles before the school year.",
        "\"Most of these cases could have been prevented,\" said {name}, a paediatrician.",
        "The health department reported {n3} cases of seasonal flu last week.",
        "A study of {n3} patients found that walking {n1} kilometres a day lowered blood pressure.",
        "The clinic's waiting times fell to {n2} days after it hired more nurses.",
        "Pharmacies reported shortages of a common antibiotic in {month}.",
        "The medical university in {city2} will train {n3} more nurses a year.",
        "Nutritionists recommend cutting salt to less than {n1} grams a day.",
        "The blood bank appealed for donors ahead of the holidays.",
        "Dentists said sugary drinks were the main cause of decay in teenagers.",
        "The ambulance service answered {n3} calls during the heatwave.",
        "Researchers said the new screening programme detected tumours earlier.",
        "\"Sleep is the cheapest medicine we have,\" said {name2}, who led the study.",
        "The hospital installed a new MRI scanner funded by a charity.",
        "Mental health helplines reported more calls from students during exams.",
    ],
    "domestic": [  # near-topic: the domestic politics of the states the issues are about
        "{state}'s parliament approved a bill raising the minimum pension by {pct} percent from {month}.",
        "The lower house of {state} debated amendments to the tax code on {day}, deputy {name} said.",
        "{state}'s cabinet approved a programme to build {n3} new schools by {year}.",
        "The mayor of {capital}, {name}, announced new bus lanes on {n1} main avenues.",
        "The parliament of {state} elected a new speaker after the previous one resigned.",
        "\"Local budgets must be spent where people live,\" the governor of the {city} region said.",
        "The election commission registered {n1} candidates for the municipal vote in {month}.",
        "{state}'s government raised the salaries of teachers by {pct} percent.",
        "Opposition deputies criticised the housing ministry over delays in {city}.",
        "The prime minister visited a new water treatment plant in {city2}.",
        "The ministry of education said textbooks would be printed in {n1} languages.",
        "Regional akims were told to report on heating preparations by {month}.",
        "The president signed a decree on reforming the civil service.",
        "A parliamentary committee held hearings on road safety after a rise in accidents.",
        "The agriculture minister promised subsidies for farmers hit by drought.",
        "Turnout in the local elections was {n2} percent, the commission said.",
        "The government in {capital} approved a plan to move {n3} households from ger districts into flats.",
        "Municipalities in {state} received {n2} million in the national currency for road repairs.",
    ],
    "otherwar": [  # near-topic: other conflicts, far from the issues' actors
        "Fighting between the army of {war} and a rebel militia forced {n3} families from villages in the north.",
        "Aid agencies said convoys had not reached the besieged town for {n2} days.",
        "\"The shelling has not stopped since dawn,\" a resident told the agency by phone.",
        "The rebels claimed to have captured a crossroads town, which the army denied.",
        "A ceasefire brokered by regional mediators collapsed within hours.",
        "The commander of the militia, {name}, said his fighters would not lay down arms.",
        "Hospitals in the provincial capital were treating {n2} wounded, doctors said.",
        "The government of {war} imposed a curfew in {n1} districts after clashes.",
        "Refugees crossing the river into {war}'s neighbour described burned granaries and looted markets.",
        "Historians at the {city} museum opened an exhibition on the civil war of the last century.",
        "The veterans' association laid wreaths at the memorial to those killed in the 1940s.",
        "Peace talks between the two {war_adj} factions resumed in a neighbouring capital on {day}.",
        "Landmines left from the war still kill farmers in the border districts, a charity said.",
        "The militia released {n1} hostages after mediation by tribal elders.",
        "Satellite images showed {n2} destroyed buildings in the town centre.",
        "Food prices in the besieged city have tripled since {month}.",
    ],
}
# Quotes and the roles of the people who say them: "..., said NAME, ROLE." (combined per article)
QUOTES: dict[str, list[str]] = {
    "sport": ["We showed character today", "The pitch was heavy but we adapted", "I am proud of the young players",
              "Nobody expected us to be here", "We have to be more clinical in front of goal",
              "The crowd carried us through the last ten minutes", "It was a long season and the body is tired",
              "We will analyse the video and move on"],
    "weather": ["People should carry water and stay in the shade", "The ground is already saturated",
                "This pattern is becoming more common", "Check the forecast before you travel",
                "The river will crest on Thursday night", "Our crews are working around the clock",
                "Farmers should cover seedlings tonight", "The worst of the wind has passed"],
    "business": ["We are cautious about the second half", "Costs are finally coming down",
                 "The deal gives us scale in the region", "Consumers are trading down to cheaper brands",
                 "We will keep investing through the cycle", "Margins held up well", "The order book is full",
                 "Our customers want faster delivery"],
    "tech": ["Battery life was the number one complaint", "We designed it for people who hate settings",
             "Privacy is built in from the start", "The hardware is finally fast enough",
             "Developers asked for this for years", "It runs on a single charge for days",
             "We tested it with a thousand families", "Price matters more than features"],
    "culture": ["I wanted the audience to leave with questions", "The building itself is part of the show",
                "We rehearsed for eleven months", "Young people are coming back to the theatre",
                "Every painting tells a story about the river", "Music is a conversation",
                "The archive surprised us", "Tickets went faster than we could print them"],
    "crime": ["We are following several lines of inquiry", "The victims were mostly elderly",
              "My client denies every charge", "Lock your doors even in daytime", "The evidence is overwhelming",
              "We recovered most of the money", "The investigation is at an early stage",
              "Neighbours deserve to feel safe"],
    "health": ["Prevention is cheaper than treatment", "We need more nurses, not more buildings",
               "The results surprised us", "Wash your hands and stay home if you are ill",
               "Waiting lists are finally shrinking", "Parents should not panic", "The data are encouraging",
               "We see the effects of poor diet earlier every year"],
    "domestic": ["Pensioners cannot wait another year", "The budget must balance", "Roads come first this year",
                 "Local councils need more powers", "We will publish every contract online",
                 "Teachers deserve better pay", "The reform will take time", "Voters will judge us in the autumn"],
    "otherwar": ["We have nothing left to eat", "The children are afraid of the night",
                 "Both sides must open the roads", "We counted the dead ourselves", "Our fighters hold the bridge",
                 "The wells have been poisoned", "We need medicine more than food", "The talks are our last hope"],
}
ROLES = ["a local resident", "a spokesperson", "the organiser", "an analyst at a consultancy", "the director",
         "a volunteer", "the deputy head of the department", "a professor at the local university"]
GENERIC = [
    "The announcement came on {day}.",
    "Details were not immediately available.",
    "Officials said more information would be published next week.",
    "The plan has been discussed for several years.",
    "Residents gave the news a mixed reception.",
    "\"It is a step in the right direction,\" said {name3}, who has followed the issue for years.",
    "The figures were first reported by the {city} edition of the paper.",
    "A spokeswoman declined to comment further.",
    "Similar measures were tried in {city2} in {year}.",
    "The next update is due in {month}.",
    "Local media reported the story on {day} morning.",
    "Critics said the timing was unfortunate.",
]
HEADLINES = {
    "sport": ["{team} edge {team2} in tense derby", "{name} retires after {n2} caps", "Marathon start moved for heat"],
    "weather": ["Heatwave to peak on {day}", "Storm brings down power lines across {city}", "Frost damages orchards"],
    "business": ["{co} profit rises {pct}%", "{co} to buy {co2}", "Central bank holds rate at {n4}%"],
    "tech": ["{co} unveils new {product}", "Chip from {city} lab uses less power", "Games studio delays release"],
    "culture": ["{name}'s paintings come to {city}", "Jazz festival sells out", "Restored cinema reopens"],
    "crime": ["Burglary suspect arrested in {city}", "Fraud scheme targeted pensioners", "Warehouse fire was arson"],
    "health": ["New cardiology ward opens in {city}", "Flu cases rise", "Walking lowers blood pressure, study finds"],
    "domestic": ["Parliament raises minimum pension", "New bus lanes for {capital}", "Teachers get pay rise"],
    "otherwar": ["Families flee fighting in the north", "Ceasefire collapses within hours", "Convoys fail to reach town"],
}
# Most of a day's news is far from politics; a sixth of this stream is near it.
WEIGHTS = {"sport": 16, "weather": 10, "business": 16, "tech": 10, "culture": 10, "crime": 12, "health": 10,
           "domestic": 9, "otherwar": 7}


def _fill(template: str, slots: dict[str, str], r: random.Random) -> str:
    fresh = _slots(r)  # each sentence draws its own numbers, with the article's people and places
    return template.format(**(fresh | {k: slots[k] for k in ("name", "city", "co", "team", "state", "capital", "war", "war_adj")}))


def document(r: random.Random, kind: str) -> str:
    """One article of ``kind``: headline, dateline and byline, 300-800 words in 2-3 sentence paragraphs."""
    slots = _slots(r)
    head = _fill(r.choice(HEADLINES[kind]), slots, r)
    byline = f"By {_name(r)}" if r.random() < 0.7 else f"{r.choice(OUTLETS)} staff"
    date = f"{r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(2021, 2024)}"
    lead_city = slots["city"].upper()
    target = r.randint(300, 800)
    paras: list[str] = []
    words = 0
    # Each sentence once per article (a real article does not repeat itself), in a random order.
    pool = [*BANKS[kind], *GENERIC, *(f'"{q},\" said {{name2}}, {role}.' for q, role in
                                      zip(QUOTES[kind], r.sample(ROLES, len(ROLES)), strict=False))]
    r.shuffle(pool)
    first = True
    while words < target and pool:
        n = min(r.choice((1, 2, 2, 3)), len(pool))
        sents = [_fill(pool.pop(), slots, r) for _ in range(n)]
        para = " ".join(sents)
        if first:
            para = f"{lead_city}, {date} ({r.choice(OUTLETS)}) - {para}"
            first = False
        paras.append(para)
        words += len(para.split())
    footer = ""
    if r.random() < 0.3:
        other = r.choice(list(HEADLINES))
        footer = "\n\nRelated coverage\n" + "\n".join(_fill(h, slots, r) for h in HEADLINES[other][:2])
    return f"{head}\n\n{byline}\n{r.choice(OUTLETS)}\n\n" + "\n\n".join(paras) + footer + "\n"


def generate(out: Path, n: int, seed: int = 1) -> list[Path]:
    """Write ``n`` off-topic articles to ``out`` (one .txt each); returns their paths."""
    r = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    kinds = [k for k, w in WEIGHTS.items() for _ in range(w)]
    paths = []
    for i in range(n):
        kind = r.choice(kinds)
        p = out / f"off-{i:05d}-{kind}.txt"
        p.write_text(document(r, kind), encoding="utf-8")
        paths.append(p)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=700)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    print(len(generate(args.out, args.n, args.seed)), "documents written to", args.out)


if __name__ == "__main__":
    main()
