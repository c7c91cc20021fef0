import { laterStatus, Need, stageOf } from './need';

describe('need rules', () => {
  it('identifies a need for the acting organisation at version 1, in the sector of its area', () => {
    const identifiedAt = new Date('2026-02-01T08:00:00.000Z');
    const need = Need.identify({
      id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
      organisationId: '0b7e5a3c-8f0e-4c52-9d4e-1f2a3b4c5d6e',
      title: 'Stöd för demensvård i hemtjänsten',
      description: 'Personalen saknar rutiner.',
      area: { code: 'social.older-care', sector: 'social' },
      targetGroup: 'äldre med demens',
      identifiedAt,
    });
    expect(need.state).toEqual({
      id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
      organisationId: '0b7e5a3c-8f0e-4c52-9d4e-1f2a3b4c5d6e',
      title: 'Stöd för demensvård i hemtjänsten',
      description: 'Personalen saknar rutiner.',
      areaCode: 'social.older-care',
      sector: 'social',
      targetGroup: 'äldre med demens',
      stage: 'identified',
      identifiedAt,
      version: 1,
    });
  });

  it('takes the stage from the furthest support addressing the need', () => {
    expect(stageOf([])).toBe('identified');
    expect(stageOf(['draft'])).toBe('addressed_by_draft');
    expect(stageOf(['draft', 'published'])).toBe('addressed');
  });

  it('never moves a support back from published, whatever order events arrive in', () => {
    expect(laterStatus(undefined, 'draft')).toBe('draft');
    expect(laterStatus('draft', 'published')).toBe('published');
    expect(laterStatus('published', 'draft')).toBe('published');
  });
});
