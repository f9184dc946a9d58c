// Makes the device's profile available to every screen; asks for it on first visit.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { loadProfile, type Profile } from './profile';
import { ProfileForm } from './ProfileForm';

const ProfileContext = createContext<Profile | null>(null);

export function useProfile(): Profile {
  const profile = useContext(ProfileContext);
  if (!profile) throw new Error('useProfile outside of ProfileGate');
  return profile;
}

export function ProfileGate({ children }: { children: ReactNode }) {
  const [profile, setProfile] = useState<Profile | null | undefined>(undefined);
  useEffect(() => {
    void loadProfile().then(setProfile);
  }, []);
  if (profile === undefined) return null;
  if (profile === null) return <ProfileForm onSaved={setProfile} />;
  return <ProfileContext.Provider value={profile}>{children}</ProfileContext.Provider>;
}
