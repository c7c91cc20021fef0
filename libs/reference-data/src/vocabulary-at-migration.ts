/**
 * The vocabularies as `../shared/data/target-groups.csv` and `product-types.csv` have them, embedded so that a
 * service knows them from its first start, before the directory's events arrive (a deployment whose directory
 * seeded long ago would otherwise never tell it). These rows are version 0: any `*.defined` / `*.updated` wins.
 */
export const TARGET_GROUPS_AT_MIGRATION: readonly (readonly [string, string, string, string])[] = [
  ['children', 'Barn', 'Children', 'health;social;education'],
  ['young-people', 'Unga', 'Young people', 'health;social;education'],
  ['pupils', 'Elever', 'Pupils', 'education'],
  ['pupils-special-support', 'Elever i behov av särskilt stöd', 'Pupils in need of special support', 'education'],
  ['preschool-children', 'Förskolebarn', 'Preschool children', 'education'],
  ['adult-learners', 'Vuxenstuderande', 'Adult learners', 'education'],
  ['newly-arrived', 'Nyanlända', 'Newly arrived migrants', 'health;social;education'],
  ['parents', 'Föräldrar och vårdnadshavare', 'Parents and guardians', 'health;social;education'],
  ['relatives', 'Anhöriga och närstående', 'Relatives and carers', 'health;social'],
  ['older-people', 'Äldre', 'Older people', 'health;social'],
  ['people-with-dementia', 'Personer med demenssjukdom', 'People with dementia', 'health;social'],
  [
    'people-with-disability',
    'Personer med funktionsnedsättning',
    'People with disabilities',
    'health;social;education',
  ],
  ['people-with-mental-illness', 'Personer med psykisk ohälsa', 'People with mental illness', 'health;social'],
  [
    'people-with-substance-use',
    'Personer med missbruk eller beroende',
    'People with substance use disorders',
    'health;social',
  ],
  ['people-with-chronic-disease', 'Personer med kronisk sjukdom', 'People with chronic disease', 'health'],
  ['people-with-cancer', 'Personer med cancer', 'People with cancer', 'health'],
  ['people-at-end-of-life', 'Personer i livets slutskede', 'People at the end of life', 'health;social'],
  ['pregnant-women', 'Gravida', 'Pregnant women', 'health'],
  ['victims-of-violence', 'Våldsutsatta', 'Victims of violence', 'health;social'],
  ['people-using-violence', 'Våldsutövare', 'People who use violence', 'social'],
  ['people-in-economic-hardship', 'Personer i ekonomisk utsatthet', 'People in economic hardship', 'social'],
  ['homeless-people', 'Personer i hemlöshet', 'Homeless people', 'social'],
  ['children-in-care', 'Placerade barn och unga', 'Children and young people in care', 'social;education'],
  ['patients', 'Patienter allmänt', 'Patients in general', 'health'],
  ['whole-population', 'Hela befolkningen', 'The whole population', 'health;social;education'],
];

/** Code, Swedish name, English name. */
export const PRODUCT_TYPES_AT_MIGRATION: readonly (readonly [string, string, string])[] = [
  ['guideline', 'Nationella riktlinjer', 'National guidelines'],
  ['recommendation', 'Rekommendation', 'Recommendation'],
  ['guidance', 'Vägledning', 'Guidance'],
  ['care-programme', 'Vårdprogram', 'Care programme'],
  ['care-pathway', 'Personcentrerat och sammanhållet vårdförlopp', 'Person-centred care pathway'],
  ['handbook', 'Handbok', 'Handbook'],
  ['methodology', 'Metodstöd', 'Method support'],
  ['assessment-tool', 'Bedömningsinstrument', 'Assessment instrument'],
  ['training', 'Utbildning', 'Training'],
  ['knowledge-review', 'Kunskapsöversikt', 'Knowledge review'],
  ['indicators', 'Indikatorer och målnivåer', 'Indicators and target levels'],
  ['regulation', 'Föreskrifter och allmänna råd', 'Regulations and general advice'],
  ['statistics', 'Statistik och uppföljning', 'Statistics and follow-up'],
];
