"""Portuguese news (Portugal and Brazil), read end to end: paragraphs written for this test
(invented people, towns and wording in the style of Lusa and Agência Brasil wire stories,
Polícia Judiciária and Ministério Público Federal announcements, court reports, a statistics
piece and a football story), each with what an annotator following SCHEMA.md would record.
They were written before the Portuguese rules and are kept as a generalisation check: a failure
is a weakness of the rules, not a text to fit.

Before the Portuguese rules: 1 of 8 right (the football story only). After them: 8 of 8. Held out (``HELD_OUT``, written
after the rules): 1 of 4 right when written, 4 of 4 after the general rules their misses showed.
"""

from __future__ import annotations

import pytest

from spyglass.understand.lexicon import countries_in, services_by_alias
from spyglass.understand.quantities import durations_in, money_in
from spyglass.understand.tables.cues import reading
from tests.understand.languages._news import NewsRow, check_news

NEWS: list[NewsRow] = [
    ("pj-arrest", "PJ detém engenheiro suspeito de espionagem a favor da Rússia",
     "A Polícia Judiciária deteve na terça-feira, em Lisboa, um engenheiro de 44 anos suspeito de "
     "espionagem a favor da Rússia. Segundo um comunicado da PJ, o homem, Nuno Ferreira, trabalhava numa "
     "empresa de telecomunicações que presta serviços às Forças Armadas e terá entregado, desde 2021, "
     "documentos classificados a um oficial dos serviços secretos russos (SVR). Em troca, terá recebido "
     "pelo menos 30 mil euros. A investigação contou com a colaboração do Serviço de Informações de "
     "Segurança (SIS). O detido vai ser presente a um juiz de instrução criminal para aplicação de "
     "medidas de coação.",
     {"stage": "arrested", "sponsor": "RU", "service": "SVR", "target": "PT", "names": "Nuno Ferreira",
      "count": 1, "payments": [(30000, "EUR")], "period": (2021, None), "roles": ["engenheiro"]}),
    ("mpf-charged", "MPF denuncia militar da Marinha por espionagem em favor da China",
     "O Ministério Público Federal denunciou à Justiça Federal no Rio de Janeiro um capitão-tenente da "
     "Marinha acusado de repassar informações sigilosas do programa de submarinos a agentes da "
     "inteligência chinesa. De acordo com a denúncia, aceita pelo juiz na última sexta-feira, Marcos "
     "Aurélio Pinheiro, de 39 anos, recebeu R$ 50 mil entre 2020 e 2022 por fotos de documentos "
     "técnicos. Com a decisão, o militar passa a ser réu. A investigação foi conduzida pela Polícia "
     "Federal com apoio da Agência Brasileira de Inteligência (Abin). A defesa nega as acusações.",
     {"stage": "charged", "sponsor": "CN", "target": "BR", "names": "Marcos Aurélio Pinheiro", "count": 1,
      "payments": [(50000, "BRL")], "period": (2020, 2022)}),
    ("lisbon-sentenced", "Ex-funcionário da Defesa condenado a quatro anos e seis meses de prisão",
     "O Tribunal Central Criminal de Lisboa condenou esta quinta-feira a quatro anos e seis meses de "
     "prisão efetiva um antigo funcionário do Ministério da Defesa Nacional pelos crimes de espionagem e "
     "violação de segredo de Estado. O arguido, Paulo Jorge Mendes, de 61 anos, vendeu entre 2016 e 2019 "
     "relatórios da NATO a um diplomata iraniano, que o coletivo de juízes identificou como oficial do "
     "Ministério de Inteligência do Irão. Recebeu cerca de 24 mil euros. O Ministério Público tinha "
     "pedido uma pena de seis anos. A defesa vai recorrer para o Tribunal da Relação.",
     {"stage": "sentenced", "months": (54, 54), "sponsor": "IR", "target": "PT",
      "names": "Paulo Jorge Mendes", "payments": [(24000, "EUR")], "period": (2016, 2019)}),
    ("moscow-life", "Tribunal russo condena cientista à prisão perpétua por traição",
     "Um tribunal de Moscou condenou nesta segunda-feira à prisão perpétua o físico russo Aleksei "
     "Vorontsov, de 67 anos, acusado de alta traição e de espionagem a favor da Ucrânia. Segundo a "
     "promotoria, o cientista entregou entre 2018 e 2021 dados sobre mísseis hipersônicos ao serviço de "
     "segurança ucraniano SBU. O julgamento foi realizado a portas fechadas. A defesa afirma que ele "
     "apenas apresentou trabalhos em conferências científicas e vai recorrer.",
     {"stage": "sentenced", "months": ("life", "life"), "sponsor": "UA", "service": "SBU", "target": "RU",
      "nationality": ["RU"], "names": "Vorontsov", "period": (2018, 2021)}),
    ("iranian-diplomats", "Portugal expulsa três diplomatas iranianos por atividades de espionagem",
     "O Ministério dos Negócios Estrangeiros declarou persona non grata três funcionários da Embaixada do "
     "Irão em Lisboa, que terão realizado atividades de espionagem contra opositores do regime "
     "residentes em Portugal. Segundo fontes do SIS, os três diplomatas eram na realidade agentes dos "
     "serviços de informações iranianos. Têm 72 horas para deixar o território nacional. Teerão já "
     "anunciou que vai responder com medidas recíprocas.",
     {"stage": "expelled", "sponsor": "IR", "target": "PT", "count": 3}),
    ("pf-suspected", "PF investiga servidor da Abin suspeito de vender dados à inteligência venezuelana",
     "A Polícia Federal abriu um inquérito para apurar se um servidor da Agência Brasileira de "
     "Inteligência repassou informações sigilosas ao serviço de inteligência da Venezuela. Segundo a "
     "investigação, o oficial de inteligência, cujo nome não foi divulgado, teria mantido encontros com "
     "um adido militar venezuelano em Brasília desde 2023. Na quarta-feira, agentes da PF cumpriram "
     "mandados de busca e apreensão em endereços ligados ao investigado no Distrito Federal. Ninguém foi "
     "preso. A Abin afirmou que colabora com as autoridades.",
     {"stage": "suspected", "sponsor": "VE", "target": "BR", "count": 1}),
    ("rasi-stats", "Inquéritos por espionagem aumentam em Portugal",
     "A Polícia Judiciária abriu em 2024 um total de 11 inquéritos por espionagem, contra 6 em 2023, de "
     "acordo com o Relatório Anual de Segurança Interna divulgado esta semana. O documento aponta a "
     "Rússia e a China como os Estados mais ativos em Portugal e alerta para o recrutamento de "
     "funcionários públicos através das redes sociais. O SIS também reforçou a vigilância sobre a "
     "ciberespionagem contra infraestruturas críticas.",
     {"no_case": True, "stats": {(2024, 11), (2023, 6)}}),
    ("drone-football", "Técnico acusa rival de espionagem com drone em treino",
     "O técnico do Atlético Serrano, Joaquim Pedrosa Lima, acusou o rival de enviar um drone para filmar "
     "o treino fechado da equipe na véspera do clássico. \"É espionagem pura, uma falta de respeito\", "
     "disse o treinador em entrevista coletiva. O clube adversário negou e afirmou que o aparelho "
     "pertencia a um fotógrafo amador. A federação informou que vai analisar o caso, que pode render "
     "multa de até R$ 100 mil.",
     {"relevant": False}),
    # written by the lead after the rule it checks (session 18): a title with what it heads, after a
    # name ("X, chefe da unidade de ..."), makes X an official, not a second accused
    ("official-after-name", "Tribunal condena espião a seis anos",
     "O Tribunal de Lisboa condenou Rui Matos, de 51 anos, a seis anos de prisão por espionagem a favor da Rússia. "
     "Ana Lopes, chefe da unidade de contraterrorismo da Polícia Judiciária, disse que o arguido vendeu "
     "documentos militares a um agente russo.",
     {"stage": "sentenced", "sponsor": "RU", "target": "PT", "count": 1, "months": (72, 72), "names": "Rui Matos"}),
]

# Paragraphs the rules do not read yet, with the reason (strict: a pass must remove the mark).
FAILING: dict[str, str] = {
}


def _param(row: NewsRow) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=FAILING[row[0]])] if row[0] in FAILING else []
    return pytest.param(*row[1:], id=row[0], marks=marks)


@pytest.mark.parametrize(("title", "body", "want"), [_param(row) for row in NEWS])
def test_portuguese_news(title: str, body: str, want: dict[str, object]) -> None:
    check_news(title, body, want, "pt")


# Held out: paragraphs written after the rules, to measure how they generalise (1 of 4 right when
# written; the misses became general rules: 'acusou'/'acusa' is a step and 'um casal' someone; cities of Portugal and Brazil and 'em/no/de' before them name where a step happened; the noun 'arguido(s)' is no step; 'ao serviço de inteligência de Cuba' names the recipient's state; 'mantinha contato' and 'recebido' are acts).
HELD_OUT: list[NewsRow] = [
    ("natal-arrest", "PF prende militar da reserva acusado de espionar para a Rússia",
     "A Polícia Federal prendeu nesta quinta-feira, em Natal, um sargento da reserva da Aeronáutica suspeito de repassar "
     "a agentes russos dados sobre a base aérea da cidade. Segundo a PF, o militar, de 54 anos, mantinha contato com os "
     "agentes desde 2022 e teria recebido ao menos US$ 15 mil. A prisão preventiva foi decretada pela Justiça Federal.",
     {"stage": "arrested", "sponsor": "RU", "target": "BR", "count": 1, "payments": [(15000, "USD")],
      "period": (2022, None), "roles": ["sargento"]}),
    ("braga-couple", "Ministério Público acusa casal de espionagem a favor da China",
     "O Ministério Público acusou um casal de Braga de espionagem e de violação de segredo de Estado. Segundo a acusação, "
     "entre 2018 e 2022 os dois arguidos recolheram informações sobre investigadores portugueses de tecnologia de defesa "
     "e entregaram-nas a um funcionário do consulado chinês no Porto. O casal terá recebido 40 mil euros. O julgamento "
     "ainda não tem data marcada.",
     {"stage": "charged", "sponsor": "CN", "target": "PT", "count": 2, "period": (2018, 2022),
      "payments": [(40000, "EUR")]}),
    ("brasilia-sentenced", "Ex-servidor é condenado a 12 anos de reclusão por espionagem",
     "A Justiça Federal em Brasília condenou a 12 anos e 8 meses de reclusão um ex-servidor do Ministério da Defesa que "
     "vendeu documentos sigilosos ao serviço de inteligência de Cuba entre 2014 e 2020. A pena deverá ser cumprida "
     "inicialmente em regime fechado. O Ministério Público Federal havia pedido 16 anos.",
     {"stage": "sentenced", "months": (152, 152), "sponsor": "CU", "target": "BR", "period": (2014, 2020)}),
    ("film-review", "Crítica: 'O Agente de Lisboa' é um thriller de espionagem sem fôlego",
     "O novo filme do realizador Tomás Vieira acompanha um agente dos serviços secretos portugueses que persegue um espião "
     "russo pelas ruas de Alfama. A fotografia é bonita, mas o argumento perde-se em reviravoltas previsíveis e o elenco "
     "parece pouco convencido. Estreia nas salas de cinema na quinta-feira.",
     {"relevant": False}),
    # written before their rules (session 20; failed then): a nationality after "a um <noun>" is the
    # counterpart's, and "a troco de" states a payment
    ("lisbon-handler", "Militar detido por espionagem",
     "A Polícia Judiciária deteve em Lisboa um militar português suspeito de espionagem por entregar documentos "
     "confidenciais a um agente russo a troco de 5 mil euros.",
     {"stage": "arrested", "sponsor": "RU", "target": "PT", "count": 1, "nationality": ["PT"],
      "payments": [(5000, "EUR")]}),
]


@pytest.mark.parametrize(("title", "body", "want"), [pytest.param(*row[1:], id=row[0]) for row in HELD_OUT])
def test_portuguese_news_held_out(title: str, body: str, want: dict[str, object]) -> None:
    check_news(title, body, want, "pt")


# Adjectives agree in gender and number ("russo", "russa", "russos"; "chinês", "chinesa"; "alemão", "alemães").
@pytest.mark.parametrize(("text", "country"), [("serviços secretos russos", "RU"), ("a inteligência chinesa", "CN"),
                                              ("dois cidadãos alemães", "DE"), ("uma diplomata iraniana", "IR"),
                                              ("a Embaixada do Irão", "IR"), ("a Embaixada do Irã", "IR")])
def test_portuguese_country_words(text: str, country: str) -> None:
    assert [h.term.country for h in countries_in(text, "pt")] == [country]


@pytest.mark.parametrize(("text", "months"), [
    ("quatro anos e seis meses", 54), ("vinte e cinco anos", 300), ("um ano e meio", 18), ("doze anos", 144),
    ("prisão perpétua", "life"),
])
def test_portuguese_durations(text: str, months: object) -> None:
    assert [d.months for d in durations_in(text, "pt")] == [months]


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("R$ 50 mil", 50_000, "BRL"), ("30 mil euros", 30_000, "EUR"), ("US$ 40 mil", 40_000, "USD"),
    ("1,5 milhão de reais", 1_500_000, "BRL"),
])
def test_portuguese_money(text: str, amount: float, currency: str) -> None:
    assert [(m.amount, m.currency) for m in money_in(text, "pt")] == [(amount, currency)]


def test_sis_is_portugals_in_portuguese_texts() -> None:
    """"SIS" is Britain's service by default, Portugal's in a Portuguese text: the service that
    finds spies there is not their sponsor."""
    with reading("pt"):
        assert services_by_alias("SIS")[0].country == "PT"
    assert services_by_alias("SIS")[0].country == "GB"
    check_news("SIS identifica espiões russos em Lisboa",
               "O SIS identificou dois espiões russos que operavam em Lisboa sob cobertura diplomática. Os dois foram "
               "detidos pela Polícia Judiciária na terça-feira e vão ser presentes a um juiz.",
               {"stage": "arrested", "sponsor": "RU", "target": "PT", "count": 2}, "pt")
