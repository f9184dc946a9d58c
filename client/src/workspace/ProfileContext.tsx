// Makes the device's profile available to every screen. A device with none meets Maillage first (FirstContact);
// an invitation link is read and shown before anything is asked, so /join passes without a profile.
import { createContext, lazy, Suspense, useContext, useEffect, useState, type ReactNode } from 'react';
import { useRouterState } from '@tanstack/react-router';
import { loadProfile, type Profile } from './profile';
import { ProfileForm } from './ProfileForm';

// Only a device never used sees it: a returning member's first screen does not carry its code and strings.
const FirstContact = lazy(() => import('./FirstContact'));

interface ProfileState {
  profile: Profile | null;
  setProfile: (profile: Profile) => void;
}

const ProfileContext = createContext<ProfileState>({ profile: null, setProfile: () => undefined });

export function useProfile(): Profile {
  const { profile } = useContext(ProfileContext);
  if (!profile) throw new Error('useProfile outside of ProfileGate');
  return profile;
}

/** The profile if there is one yet (the invitation page asks for it itself), and how to set it. */
export const useProfileState = (): ProfileState => useContext(ProfileContext);

export function ProfileGate({ children }: { children: ReactNode }) {
  const [profile, setProfile] = useState<Profile | null | undefined>(undefined);
  const path = useRouterState({ select: (s) => s.location.pathname });
  useEffect(() => {
    void loadProfile().then(setProfile);
  }, []);
  if (profile === undefined) return null;
  const state = { profile, setProfile };
  if (profile === null && path !== '/join') {
    return path === '/' ? (
      <Suspense fallback={null}>
        <FirstContact onSaved={setProfile} />
      </Suspense>
    ) : (
      <ProfileForm onSaved={setProfile} />
    );
  }
  return <ProfileContext.Provider value={state}>{children}</ProfileContext.Provider>;
}
