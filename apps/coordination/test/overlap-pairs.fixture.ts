/**
 * A labelled set of realistic Swedish knowledge supports, in pairs from two agencies: `overlap: true` where both
 * write about the same thing for the same people, `false` where they merely share an area. Titles and summaries
 * are written as agencies write them; none is a copy of a real publication.
 */
export interface FixtureSupport {
  title: string;
  summary: string;
}

export interface OverlapPair {
  areaCode: string;
  a: FixtureSupport;
  b: FixtureSupport;
  overlap: boolean;
}

const pair = (areaCode: string, overlap: boolean, a: [string, string], b: [string, string]): OverlapPair => ({
  areaCode,
  overlap,
  a: { title: a[0], summary: a[1] },
  b: { title: b[0], summary: b[1] },
});

export const OVERLAP_PAIRS: OverlapPair[] = [
  // Overlapping: the same subject for the same people, in other words.
  pair(
    'social.older-care',
    true,
    [
      'Stöd vid demenssjukdom i hemtjänsten',
      'Hur hemtjänstens personal kan bemöta personer med demenssjukdom och stödja deras anhöriga i vardagen.',
    ],
    [
      'Bemötande av personer med demens i hemtjänst',
      'Vägledning för personal i hemtjänst om bemötande av personer med demenssjukdom och stöd till anhöriga.',
    ],
  ),
  pair(
    'social.older-care',
    true,
    [
      'Förebygga fallolyckor hos äldre i särskilt boende',
      'Arbetssätt för att förebygga fall och fallskador bland äldre på särskilt boende, med riskbedömning och åtgärder.',
    ],
    [
      'Fallprevention för äldre på särskilda boenden',
      'Kunskapsstöd om riskbedömning och åtgärder som förebygger fallolyckor och fallskador hos äldre i särskilt boende.',
    ],
  ),
  pair(
    'social.older-care',
    true,
    [
      'Nattfasta och måltider i äldreomsorgen',
      'Rekommendationer om att korta nattfastan och ordna måltider för äldre i äldreomsorgen så att undernäring förebyggs.',
    ],
    [
      'Förebygga undernäring hos äldre i äldreomsorgen',
      'Stöd för att förebygga undernäring hos äldre genom måltider, kortare nattfasta och nutritionsbedömning i äldreomsorgen.',
    ],
  ),
  pair(
    'social.older-care',
    true,
    [
      'Ensamhet och social isolering bland äldre',
      'Hur kommunens äldreomsorg kan upptäcka och motverka ensamhet och social isolering hos äldre personer.',
    ],
    [
      'Motverka ofrivillig ensamhet hos äldre',
      'Kunskapsstöd för kommuner om att upptäcka och motverka ofrivillig ensamhet och social isolering bland äldre.',
    ],
  ),
  pair(
    'social.older-care',
    true,
    [
      'Läkemedelsgenomgångar för äldre i kommunal hälso- och sjukvård',
      'Hur läkemedelsgenomgångar genomförs för äldre med många läkemedel inom kommunal hälso- och sjukvård.',
    ],
    [
      'Läkemedelsgenomgång för äldre med många läkemedel',
      'Stöd för sjuksköterskor och läkare att genomföra läkemedelsgenomgångar för äldre i kommunal hälso- och sjukvård.',
    ],
  ),
  pair(
    'social.children-families',
    true,
    [
      'Barns delaktighet i utredningar inom den sociala barn- och ungdomsvården',
      'Hur socialtjänsten låter barn komma till tals och vara delaktiga i utredningar om skydd och stöd.',
    ],
    [
      'Barnets röst i socialtjänstens utredningar',
      'Vägledning om hur barn kommer till tals och görs delaktiga i socialtjänstens utredningar inom barn- och ungdomsvården.',
    ],
  ),
  pair(
    'social.children-families',
    true,
    [
      'Placerade barns skolgång',
      'Stöd för socialtjänst och skola att samverka så att placerade barn får en fungerande skolgång.',
    ],
    [
      'Skolgång för barn placerade i familjehem och HVB',
      'Hur socialtjänst och skola samverkar kring skolgången för barn som är placerade i familjehem eller HVB.',
    ],
  ),
  pair(
    'social.children-families',
    true,
    [
      'Riskbedömning vid våld mot barn',
      'Stöd för socialtjänstens bedömning av risk när barn utsätts för våld i familjen.',
    ],
    [
      'Bedöma risk när barn utsatts för våld i familjen',
      'Metodstöd för socialtjänsten att göra strukturerade riskbedömningar när barn utsätts för våld i nära relationer.',
    ],
  ),
  pair(
    'social.children-families',
    true,
    [
      'Familjehemsvård – rekrytering och stöd till familjehem',
      'Hur kommuner rekryterar, utreder och stödjer familjehem för placerade barn.',
    ],
    [
      'Rekrytera och stödja familjehem',
      'Kunskapsstöd om rekrytering, utredning och stöd till familjehem som tar emot placerade barn.',
    ],
  ),
  pair(
    'social.substance-use',
    true,
    [
      'Samordnad vård vid samsjuklighet',
      'Hur kommun och region samordnar vård och stöd till personer med samsjuklighet i missbruk och psykisk ohälsa.',
    ],
    [
      'Samsjuklighet – missbruk och psykisk ohälsa',
      'Stöd för samordnade insatser från kommun och region till personer med samsjuklighet, missbruk och psykisk ohälsa.',
    ],
  ),
  pair(
    'social.substance-use',
    true,
    [
      'Läkemedelsassisterad behandling vid opioidberoende',
      'Rekommendationer om läkemedelsassisterad behandling vid opioidberoende och psykosocialt stöd.',
    ],
    [
      'Behandling av opioidberoende med läkemedel',
      'Kunskapsstöd om läkemedelsassisterad behandling av opioidberoende tillsammans med psykosocialt stöd.',
    ],
  ),
  pair(
    'social.substance-use',
    true,
    [
      'Spelberoende – upptäcka och behandla',
      'Hur socialtjänst och hälso- och sjukvård upptäcker och behandlar spelberoende.',
    ],
    [
      'Stöd och behandling vid spelberoende',
      'Vägledning om att upptäcka spelberoende och erbjuda stöd och behandling i socialtjänst och hälso- och sjukvård.',
    ],
  ),
  pair(
    'social.disability',
    true,
    [
      'Personlig assistans för barn',
      'Bedömning av behov av personlig assistans för barn med funktionsnedsättning enligt LSS.',
    ],
    [
      'Bedöma barns behov av personlig assistans',
      'Stöd för handläggare att bedöma behovet av personlig assistans för barn med funktionsnedsättning enligt LSS.',
    ],
  ),
  pair(
    'social.disability',
    true,
    [
      'Daglig verksamhet enligt LSS',
      'Hur daglig verksamhet enligt LSS kan utformas med delaktighet och mål att närma sig arbete.',
    ],
    [
      'Utforma daglig verksamhet med delaktighet',
      'Kunskapsstöd om daglig verksamhet enligt LSS, delaktighet och vägar mot arbete.',
    ],
  ),
  pair(
    'social.disability',
    true,
    [
      'Bostad med särskild service för vuxna',
      'Kvalitet i bostad med särskild service för vuxna med funktionsnedsättning enligt LSS.',
    ],
    [
      'Kvalitet i gruppbostad för vuxna enligt LSS',
      'Stöd för att utveckla kvalitet i bostad med särskild service och gruppbostad för vuxna med funktionsnedsättning.',
    ],
  ),
  pair(
    'social.financial-assistance',
    true,
    [
      'Handläggning av ekonomiskt bistånd',
      'Stöd för socialtjänstens handläggning av ekonomiskt bistånd, från ansökan till beslut.',
    ],
    [
      'Ekonomiskt bistånd – från ansökan till beslut',
      'Vägledning för handläggare om ekonomiskt bistånd och handläggningen från ansökan till beslut.',
    ],
  ),
  pair(
    'social.financial-assistance',
    true,
    [
      'Barnperspektiv i ekonomiskt bistånd',
      'Hur barns behov och barnets bästa beaktas vid beslut om ekonomiskt bistånd till barnfamiljer.',
    ],
    [
      'Barnets bästa vid beslut om ekonomiskt bistånd',
      'Stöd för att beakta barnets bästa och barns behov när barnfamiljer söker ekonomiskt bistånd.',
    ],
  ),
  pair(
    'health.primary-care',
    true,
    [
      'Diabetes typ 2 i primärvården',
      'Uppföljning och behandling av personer med diabetes typ 2 i primärvården, med levnadsvanor och läkemedel.',
    ],
    [
      'Behandling och uppföljning vid typ 2-diabetes',
      'Kunskapsstöd för primärvården om behandling och uppföljning av diabetes typ 2, levnadsvanor och läkemedel.',
    ],
  ),
  pair(
    'health.primary-care',
    true,
    [
      'Astma och KOL i primärvården',
      'Diagnostik och behandling av astma och KOL i primärvården, med spirometri och inhalationsteknik.',
    ],
    [
      'Diagnostik och behandling av KOL och astma',
      'Stöd för primärvården om spirometri, inhalationsteknik och behandling vid KOL och astma.',
    ],
  ),
  pair(
    'health.primary-care',
    true,
    [
      'Antibiotika vid luftvägsinfektioner',
      'Rekommendationer om när antibiotika behövs vid luftvägsinfektioner i primärvården.',
    ],
    [
      'Rationell antibiotikaanvändning vid luftvägsinfektion',
      'Kunskapsstöd om när antibiotika behövs och inte behövs vid luftvägsinfektioner i primärvården.',
    ],
  ),
  pair(
    'health.primary-care',
    true,
    [
      'Levnadsvanor – rådgivande samtal',
      'Rådgivande samtal om tobak, alkohol, fysisk aktivitet och matvanor i primärvården.',
    ],
    [
      'Samtal om ohälsosamma levnadsvanor',
      'Stöd för rådgivande samtal i primärvården om tobak, alkohol, matvanor och fysisk aktivitet.',
    ],
  ),
  pair(
    'health.mental-health',
    true,
    [
      'Depression och ångest hos vuxna',
      'Behandling av depression och ångestsyndrom hos vuxna, med psykologisk behandling och läkemedel.',
    ],
    [
      'Vård vid depression och ångestsyndrom',
      'Kunskapsstöd om psykologisk behandling och läkemedel vid depression och ångestsyndrom hos vuxna.',
    ],
  ),
  pair(
    'health.mental-health',
    true,
    [
      'Suicidprevention i hälso- och sjukvården',
      'Hur hälso- och sjukvården bedömer suicidrisk och följer upp personer efter suicidförsök.',
    ],
    [
      'Bedömning av suicidrisk',
      'Stöd för hälso- och sjukvården att bedöma suicidrisk och följa upp personer efter ett suicidförsök.',
    ],
  ),
  pair(
    'health.mental-health',
    true,
    [
      'ADHD hos barn och vuxna',
      'Utredning och behandling av ADHD hos barn och vuxna, med läkemedel och psykosociala insatser.',
    ],
    [
      'Utredning och behandling vid ADHD',
      'Kunskapsstöd om utredning av ADHD och behandling med läkemedel och psykosociala insatser för barn och vuxna.',
    ],
  ),
  pair(
    'health.mental-health',
    true,
    [
      'Schizofreni och psykossjukdom',
      'Vård och stöd till personer med schizofreni eller annan psykossjukdom, med antipsykotiska läkemedel och psykosociala insatser.',
    ],
    [
      'Vård vid schizofreni',
      'Stöd för vård vid schizofreni och psykossjukdom: antipsykotiska läkemedel, psykosociala insatser och samordning.',
    ],
  ),
  pair(
    'health.child-youth',
    true,
    [
      'Psykisk ohälsa hos barn och unga i elevhälsan',
      'Hur elevhälsan upptäcker psykisk ohälsa hos barn och unga och samverkar med första linjen.',
    ],
    [
      'Elevhälsans arbete med psykisk ohälsa',
      'Stöd för elevhälsan att tidigt upptäcka psykisk ohälsa hos barn och unga och samverka med första linjens vård.',
    ],
  ),
  pair(
    'health.child-youth',
    true,
    [
      'Övervikt och fetma hos barn',
      'Behandling av övervikt och fetma hos barn inom barnhälsovård och elevhälsa, med familjen i centrum.',
    ],
    [
      'Fetma hos barn – behandling med familjen',
      'Kunskapsstöd om behandling av fetma och övervikt hos barn, med familjen, inom barnhälsovård och elevhälsa.',
    ],
  ),
  pair(
    'health.older-palliative',
    true,
    [
      'Palliativ vård i livets slutskede',
      'Vård i livets slutskede: symtomlindring, brytpunktssamtal och stöd till närstående.',
    ],
    [
      'Symtomlindring och brytpunktssamtal i palliativ vård',
      'Stöd för palliativ vård i livets slutskede med symtomlindring, brytpunktssamtal och stöd till närstående.',
    ],
  ),
  pair(
    'health.older-palliative',
    true,
    ['Trycksår hos äldre', 'Förebygga och behandla trycksår hos äldre i vård och omsorg, med riskbedömning.'],
    [
      'Förebyggande av trycksår',
      'Kunskapsstöd om riskbedömning, förebyggande och behandling av trycksår hos äldre i vård och omsorg.',
    ],
  ),
  pair(
    'education.compulsory-school',
    true,
    [
      'Särskilt stöd i grundskolan',
      'Hur skolan utreder behov av särskilt stöd och upprättar åtgärdsprogram i grundskolan.',
    ],
    [
      'Åtgärdsprogram och särskilt stöd',
      'Stöd för grundskolan att utreda elevers behov av särskilt stöd och skriva åtgärdsprogram.',
    ],
  ),
  pair(
    'education.compulsory-school',
    true,
    ['Problematisk skolfrånvaro', 'Hur skolan och elevhälsan upptäcker och åtgärdar problematisk skolfrånvaro tidigt.'],
    [
      'Tidiga insatser vid skolfrånvaro',
      'Stöd för skolan och elevhälsan att tidigt upptäcka och åtgärda problematisk skolfrånvaro.',
    ],
  ),
  pair(
    'education.compulsory-school',
    true,
    ['Nyanlända elevers lärande', 'Kartläggning och undervisning av nyanlända elever i grundskolan.'],
    [
      'Undervisning och kartläggning av nyanlända elever',
      'Stöd för grundskolan om kartläggning av nyanlända elevers kunskaper och om undervisningen.',
    ],
  ),

  // Merely sharing an area: the same field, different subjects.
  pair(
    'social.older-care',
    false,
    [
      'Stöd vid demenssjukdom i hemtjänsten',
      'Hur hemtjänstens personal kan bemöta personer med demenssjukdom och stödja deras anhöriga i vardagen.',
    ],
    [
      'Kompetensförsörjning i äldreomsorgen',
      'Hur kommuner planerar rekrytering och kompetensutveckling av undersköterskor i äldreomsorgen.',
    ],
  ),
  pair(
    'social.older-care',
    false,
    [
      'Förebygga fallolyckor hos äldre i särskilt boende',
      'Arbetssätt för att förebygga fall och fallskador bland äldre på särskilt boende, med riskbedömning och åtgärder.',
    ],
    [
      'Välfärdsteknik i hemtjänsten',
      'Digitala tillsynskameror, läkemedelsrobotar och trygghetslarm i hemtjänsten: införande och uppföljning.',
    ],
  ),
  pair(
    'social.older-care',
    false,
    [
      'Nattfasta och måltider i äldreomsorgen',
      'Rekommendationer om att korta nattfastan och ordna måltider för äldre i äldreomsorgen så att undernäring förebyggs.',
    ],
    [
      'Biståndsbedömning av särskilt boende',
      'Stöd för handläggare vid beslut om särskilt boende enligt socialtjänstlagen.',
    ],
  ),
  pair(
    'social.older-care',
    false,
    [
      'Ensamhet och social isolering bland äldre',
      'Hur kommunens äldreomsorg kan upptäcka och motverka ensamhet och social isolering hos äldre personer.',
    ],
    [
      'Kontinuitet i hemtjänsten',
      'Hur hemtjänsten planerar så att den äldre möter färre olika personal under en period.',
    ],
  ),
  pair(
    'social.older-care',
    false,
    [
      'Läkemedelsgenomgångar för äldre i kommunal hälso- och sjukvård',
      'Hur läkemedelsgenomgångar genomförs för äldre med många läkemedel inom kommunal hälso- och sjukvård.',
    ],
    [
      'Anhörigstöd till den som vårdar en närstående',
      'Kommunens stöd till anhöriga som vårdar eller stödjer en närstående: avlösning, samtal och information.',
    ],
  ),
  pair(
    'social.children-families',
    false,
    [
      'Barns delaktighet i utredningar inom den sociala barn- och ungdomsvården',
      'Hur socialtjänsten låter barn komma till tals och vara delaktiga i utredningar om skydd och stöd.',
    ],
    [
      'Placerade barns skolgång',
      'Stöd för socialtjänst och skola att samverka så att placerade barn får en fungerande skolgång.',
    ],
  ),
  pair(
    'social.children-families',
    false,
    [
      'Riskbedömning vid våld mot barn',
      'Stöd för socialtjänstens bedömning av risk när barn utsätts för våld i familjen.',
    ],
    [
      'Familjehemsvård – rekrytering och stöd till familjehem',
      'Hur kommuner rekryterar, utreder och stödjer familjehem för placerade barn.',
    ],
  ),
  pair(
    'social.children-families',
    false,
    ['Ensamkommande barn och unga', 'Mottagande och boende för ensamkommande barn och unga, med god man och skolgång.'],
    ['Föräldraskapsstöd i grupp', 'Program för föräldraskapsstöd i grupp för föräldrar till barn i förskoleåldern.'],
  ),
  pair(
    'social.children-families',
    false,
    [
      'Hedersrelaterat våld och förtryck',
      'Hur socialtjänsten upptäcker och skyddar unga som utsätts för hedersrelaterat våld och förtryck.',
    ],
    [
      'Eftervård efter placering',
      'Stöd till unga som lämnar en placering i familjehem eller HVB, med bostad och sysselsättning.',
    ],
  ),
  pair(
    'social.substance-use',
    false,
    [
      'Samordnad vård vid samsjuklighet',
      'Hur kommun och region samordnar vård och stöd till personer med samsjuklighet i missbruk och psykisk ohälsa.',
    ],
    [
      'Spelberoende – upptäcka och behandla',
      'Hur socialtjänst och hälso- och sjukvård upptäcker och behandlar spelberoende.',
    ],
  ),
  pair(
    'social.substance-use',
    false,
    [
      'Läkemedelsassisterad behandling vid opioidberoende',
      'Rekommendationer om läkemedelsassisterad behandling vid opioidberoende och psykosocialt stöd.',
    ],
    [
      'Alkoholprevention bland unga vuxna',
      'Förebyggande arbete mot riskbruk av alkohol bland unga vuxna i kommunen, med krogen och idrotten.',
    ],
  ),
  pair(
    'social.substance-use',
    false,
    ['Tvångsvård enligt LVM', 'Handläggning av ansökan om vård enligt lagen om vård av missbrukare i vissa fall.'],
    [
      'Sprututbyte och skadereducering',
      'Hur regioner organiserar sprututbyte och andra skadereducerande insatser för personer som injicerar droger.',
    ],
  ),
  pair(
    'social.disability',
    false,
    [
      'Personlig assistans för barn',
      'Bedömning av behov av personlig assistans för barn med funktionsnedsättning enligt LSS.',
    ],
    [
      'Daglig verksamhet enligt LSS',
      'Hur daglig verksamhet enligt LSS kan utformas med delaktighet och mål att närma sig arbete.',
    ],
  ),
  pair(
    'social.disability',
    false,
    [
      'Bostad med särskild service för vuxna',
      'Kvalitet i bostad med särskild service för vuxna med funktionsnedsättning enligt LSS.',
    ],
    [
      'Kognitiva hjälpmedel i skolan',
      'Hur elever med neuropsykiatriska funktionsnedsättningar får kognitiva hjälpmedel i undervisningen.',
    ],
  ),
  pair(
    'social.disability',
    false,
    [
      'Autism hos vuxna – stöd i vardagen',
      'Socialtjänstens stöd till vuxna med autism i boende, sysselsättning och vardag.',
    ],
    [
      'Ledsagarservice och kontaktperson',
      'Insatserna ledsagarservice och kontaktperson enligt LSS: bedömning och utförande.',
    ],
  ),
  pair(
    'social.financial-assistance',
    false,
    [
      'Handläggning av ekonomiskt bistånd',
      'Stöd för socialtjänstens handläggning av ekonomiskt bistånd, från ansökan till beslut.',
    ],
    ['Budget- och skuldrådgivning', 'Kommunens budget- och skuldrådgivning till hushåll med skulder hos Kronofogden.'],
  ),
  pair(
    'social.financial-assistance',
    false,
    [
      'Barnperspektiv i ekonomiskt bistånd',
      'Hur barns behov och barnets bästa beaktas vid beslut om ekonomiskt bistånd till barnfamiljer.',
    ],
    ['Vräkningsförebyggande arbete', 'Hur kommunen samarbetar med hyresvärdar för att förebygga avhysningar.'],
  ),
  pair(
    'health.primary-care',
    false,
    [
      'Diabetes typ 2 i primärvården',
      'Uppföljning och behandling av personer med diabetes typ 2 i primärvården, med levnadsvanor och läkemedel.',
    ],
    [
      'Astma och KOL i primärvården',
      'Diagnostik och behandling av astma och KOL i primärvården, med spirometri och inhalationsteknik.',
    ],
  ),
  pair(
    'health.primary-care',
    false,
    [
      'Antibiotika vid luftvägsinfektioner',
      'Rekommendationer om när antibiotika behövs vid luftvägsinfektioner i primärvården.',
    ],
    [
      'Digitala vårdbesök i primärvården',
      'Hur vårdcentraler organiserar digitala vårdbesök via video och chatt, med patientsäkerhet.',
    ],
  ),
  pair(
    'health.primary-care',
    false,
    [
      'Levnadsvanor – rådgivande samtal',
      'Rådgivande samtal om tobak, alkohol, fysisk aktivitet och matvanor i primärvården.',
    ],
    [
      'Fast läkarkontakt och listning',
      'Hur vårdcentraler erbjuder patienter en fast läkarkontakt och organiserar listningen.',
    ],
  ),
  pair(
    'health.primary-care',
    false,
    [
      'Hypertoni – behandling av högt blodtryck',
      'Diagnostik och behandling av högt blodtryck i primärvården, med hemblodtrycksmätning.',
    ],
    [
      'Långvarig smärta i rörelseorganen',
      'Multimodal rehabilitering vid långvarig smärta i rygg och nacke i primärvården.',
    ],
  ),
  pair(
    'health.mental-health',
    false,
    [
      'Depression och ångest hos vuxna',
      'Behandling av depression och ångestsyndrom hos vuxna, med psykologisk behandling och läkemedel.',
    ],
    [
      'Suicidprevention i hälso- och sjukvården',
      'Hur hälso- och sjukvården bedömer suicidrisk och följer upp personer efter suicidförsök.',
    ],
  ),
  pair(
    'health.mental-health',
    false,
    [
      'ADHD hos barn och vuxna',
      'Utredning och behandling av ADHD hos barn och vuxna, med läkemedel och psykosociala insatser.',
    ],
    [
      'Ätstörningar – anorexi och bulimi',
      'Tidig upptäckt och behandling av anorexi och bulimi inom specialiserad psykiatri.',
    ],
  ),
  pair(
    'health.mental-health',
    false,
    [
      'Schizofreni och psykossjukdom',
      'Vård och stöd till personer med schizofreni eller annan psykossjukdom, med antipsykotiska läkemedel och psykosociala insatser.',
    ],
    ['Sömnproblem hos vuxna', 'KBT vid sömnlöshet och när sömnläkemedel kan övervägas.'],
  ),
  pair(
    'health.child-youth',
    false,
    [
      'Psykisk ohälsa hos barn och unga i elevhälsan',
      'Hur elevhälsan upptäcker psykisk ohälsa hos barn och unga och samverkar med första linjen.',
    ],
    [
      'Vaccinationsprogram för barn',
      'Det nationella vaccinationsprogrammet för barn: vacciner, ålder och ordination i barnhälsovården.',
    ],
  ),
  pair(
    'health.child-youth',
    false,
    [
      'Övervikt och fetma hos barn',
      'Behandling av övervikt och fetma hos barn inom barnhälsovård och elevhälsa, med familjen i centrum.',
    ],
    [
      'Språkutveckling hos förskolebarn',
      'Språkscreening och tidiga insatser vid försenad språkutveckling inom barnhälsovården.',
    ],
  ),
  pair(
    'health.older-palliative',
    false,
    [
      'Palliativ vård i livets slutskede',
      'Vård i livets slutskede: symtomlindring, brytpunktssamtal och stöd till närstående.',
    ],
    ['Trycksår hos äldre', 'Förebygga och behandla trycksår hos äldre i vård och omsorg, med riskbedömning.'],
  ),
  pair(
    'health.older-palliative',
    false,
    ['Osteoporos och frakturprevention', 'Utredning och läkemedelsbehandling av benskörhet hos äldre efter fraktur.'],
    [
      'Stroke – rehabilitering efter utskrivning',
      'Rehabilitering i hemmet efter stroke, med arbetsterapi och fysioterapi.',
    ],
  ),
  pair(
    'education.compulsory-school',
    false,
    [
      'Särskilt stöd i grundskolan',
      'Hur skolan utreder behov av särskilt stöd och upprättar åtgärdsprogram i grundskolan.',
    ],
    ['Problematisk skolfrånvaro', 'Hur skolan och elevhälsan upptäcker och åtgärdar problematisk skolfrånvaro tidigt.'],
  ),
  pair(
    'education.compulsory-school',
    false,
    ['Nyanlända elevers lärande', 'Kartläggning och undervisning av nyanlända elever i grundskolan.'],
    ['Betyg och bedömning i gymnasieskolan', 'Hur lärare sätter betyg och bedömer elevers kunskaper i gymnasieskolan.'],
  ),
  pair(
    'education.compulsory-school',
    false,
    ['Digital kompetens i undervisningen', 'Programmering och digitala verktyg i undervisningen i grundskolan.'],
    [
      'Trygghet och studiero',
      'Hur skolan arbetar förebyggande mot kränkande behandling och för studiero i klassrummet.',
    ],
  ),
];
